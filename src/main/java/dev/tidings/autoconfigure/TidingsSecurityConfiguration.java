package dev.tidings.autoconfigure;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.tidings.activity.ActivityTables;
import dev.tidings.comments.CommentTables;
import dev.tidings.files.FileTables;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.PermissionGrants;
import dev.tidings.security.SecurityCache;
import dev.tidings.security.SecurityMigrations;
import dev.tidings.security.SecurityTables;
import dev.tidings.security.TidingsAuditor;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The security model: its tables (own migrations), its entities added to the host's
 * persistence unit without touching the host's entity scanning, and the cached resolution
 * of callers and grants.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TidingsCacheProperties.class)
class TidingsSecurityConfiguration {

	/**
	 * Adds the security entities, files and folders, comments, and activity and
	 * revisions, to the persistence unit Boot builds, whatever packages the host scans
	 * (its own {@code @EntityScan} included).
	 */
	@Bean
	static BeanPostProcessor tidingsSecurityEntities() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof PersistenceManagedTypes types) {
					List<String> classes = new ArrayList<>(types.getManagedClassNames());
					Stream
						.of(SecurityTables.ENTITIES, FileTables.ENTITIES, CommentTables.ENTITIES,
								ActivityTables.ENTITIES)
						.flatMap(List::stream)
						.map(Class::getName)
						.filter((name) -> !classes.contains(name))
						.forEach(classes::add);
					return new PersistenceManagedTypes() {

						@Override
						public List<String> getManagedClassNames() {
							return classes;
						}

						@Override
						public List<String> getManagedPackages() {
							return types.getManagedPackages();
						}

						@Override
						public @Nullable URL getPersistenceUnitRootUrl() {
							return types.getPersistenceUnitRootUrl();
						}

					};
				}
				return bean;
			}

		};
	}

	@Bean
	HibernatePropertiesCustomizer tidingsSecurityTablesFilter() {
		return (properties) -> properties.putIfAbsent("hibernate.hbm2ddl.schema_filter_provider", new SecurityTables());
	}

	@Bean(initMethod = "migrate")
	SecurityMigrations tidingsSecurityMigrations(DataSource dataSource) {
		return new SecurityMigrations(dataSource);
	}

	/**
	 * The auditor a host names to have Spring Data record Tidings callers
	 * ({@code @EnableJpaAuditing(auditorAwareRef = "tidingsAuditor")}). Not a candidate
	 * for injection by type: auditing the host switched on without naming an auditor
	 * keeps the host's own {@code AuditorAware}, or none.
	 */
	@Bean(autowireCandidate = false)
	TidingsAuditor tidingsAuditor(EntityManagerFactory entityManagerFactory) {
		return new TidingsAuditor(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
	}

	@Bean
	SecurityCache tidingsSecurityCache(TidingsCacheProperties properties) {
		return new SecurityCache(properties.enabled());
	}

	@Bean
	Accountabilities tidingsAccountabilities(SecurityMigrations migrations, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, SecurityCache cache) {
		return new Accountabilities(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
				readOnly(transactionManager), cache);
	}

	@Bean
	@ConditionalOnMissingBean
	AccessPolicy tidingsAccessPolicy(SecurityMigrations migrations, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, SecurityCache cache) {
		return new PermissionGrants(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
				readOnly(transactionManager), cache);
	}

	private static TransactionTemplate readOnly(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setReadOnly(true);
		return template;
	}

}
