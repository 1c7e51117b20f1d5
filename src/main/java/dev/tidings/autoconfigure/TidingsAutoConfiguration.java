package dev.tidings.autoconfigure;

import java.time.Clock;
import java.util.List;

import dev.tidings.items.ItemsService;
import dev.tidings.query.InputLimits;
import dev.tidings.rest.AccountabilityResolver;
import dev.tidings.rest.ActivityController;
import dev.tidings.rest.AuthController;
import dev.tidings.rest.AssetsController;
import dev.tidings.rest.ErrorResponses;
import dev.tidings.rest.FilesController;
import dev.tidings.rest.ItemsController;
import dev.tidings.rest.JsonCodec;
import dev.tidings.rest.MeController;
import dev.tidings.rest.RefreshCookie;
import dev.tidings.rest.RequestClients;
import dev.tidings.rest.RevertController;
import dev.tidings.rest.SchemaController;
import dev.tidings.rest.ServerController;
import dev.tidings.rest.ServerInfo;
import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.rest.SystemCollectionsController;
import dev.tidings.schema.JpaSchemaRegistry;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Authenticator;
import dev.tidings.security.PasswordHasher;
import dev.tidings.security.UserCredentials;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires Tidings into a Boot application that has JPA: the schema of its
 * {@code @ContentCollection} entities, the items service and, in a servlet web
 * application, the REST controllers.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnBean(EntityManagerFactory.class)
@EnableConfigurationProperties({ TidingsRestProperties.class, TidingsLimitsProperties.class })
@Import({ TidingsSecurityConfiguration.class, TidingsAuthConfiguration.class, TidingsClusterConfiguration.class,
		TidingsEventsConfiguration.class, TidingsRealtimeConfiguration.class, TidingsFilesConfiguration.class,
		TidingsActivityConfiguration.class })
public final class TidingsAutoConfiguration {

	/** Sizes as a Directus {@code .env} writes them ({@code 100mb}) bind too. */
	@Bean
	@ConfigurationPropertiesBinding
	static DataSizeConverter tidingsDataSizeConverter() {
		return new DataSizeConverter();
	}

	@Bean
	InputLimits tidingsInputLimits(TidingsLimitsProperties limits, TidingsRestProperties rest) {
		return new InputLimits(limits.maxDepth(), limits.maxStringLength(), limits.maxNumberLength(),
				limits.maxNumberExponent(), rest.queryLimitMax());
	}

	@Bean
	@ConditionalOnMissingBean
	SchemaRegistry tidingsSchemaRegistry(EntityManagerFactory entityManagerFactory) {
		return new JpaSchemaRegistry(entityManagerFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ItemsService tidingsItemsService(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas,
			AccessPolicy accessPolicy, PasswordHasher passwords, PlatformTransactionManager transactionManager,
			ObjectProvider<jakarta.validation.Validator> validators) {
		UserCredentials credentials = new UserCredentials(passwords,
				SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
		return new ItemsService(entityManagerFactory, schemas, accessPolicy, credentials, transactionManager,
				Clock.systemUTC(), springValidator(validators.getIfUnique()));
	}

	/**
	 * The host's Bean Validation validator (Boot's {@code defaultValidator}, a
	 * {@link LocalValidatorFactoryBean}) as a Spring validator; one of Tidings' own when
	 * the host has none or several.
	 */
	private static Validator springValidator(jakarta.validation.@Nullable Validator host) {
		if (host instanceof Validator spring) {
			return spring;
		}
		if (host != null) {
			return new SpringValidatorAdapter(host);
		}
		LocalValidatorFactoryBean own = new LocalValidatorFactoryBean();
		own.afterPropertiesSet();
		return own;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "tidings.rest.enabled", matchIfMissing = true)
	@Import({ ItemsController.class, SystemCollectionsController.class, MeController.class, AuthController.class,
			ServerController.class, SchemaController.class, FilesController.class, AssetsController.class,
			ActivityController.class, RevertController.class, ErrorResponses.class })
	static class RestConfiguration {

		@Bean
		WebMvcConfigurer tidingsAccountabilityResolver(Authenticator authenticator) {
			return new WebMvcConfigurer() {
				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new AccountabilityResolver(authenticator));
				}

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new RequestClients());
				}
			};
		}

		@Bean
		RefreshCookie tidingsRefreshCookie(TidingsAuthProperties properties) {
			return new RefreshCookie(properties.refreshCookieName(), properties.refreshCookieSecure(),
					properties.refreshCookieSameSite(), properties.refreshCookieDomain());
		}

		@Bean
		ServerInfo tidingsServerInfo(TidingsRestProperties properties, ObjectProvider<RealtimeSettings> realtime) {
			RealtimeSettings settings = realtime.getIfAvailable();
			ServerInfo.WebSocket socket = (settings != null) ? new ServerInfo.WebSocket(settings.path(),
					settings.authMode().name().toLowerCase(java.util.Locale.ROOT),
					settings.heartbeatEnabled() ? settings.heartbeatPeriod() : null) : null;
			String version = ServerInfo.class.getPackage().getImplementationVersion();
			return new ServerInfo(properties.projectName(), properties.queryLimitMax(), socket,
					(version != null) ? version : "development");
		}

		@Bean
		JsonCodec tidingsJsonCodec(TidingsRestProperties properties, InputLimits limits) {
			return new JsonCodec(properties.maxPayloadSize(), limits);
		}

	}

}
