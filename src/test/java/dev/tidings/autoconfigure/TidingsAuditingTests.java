package dev.tidings.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tidings.security.Accountability;
import dev.tidings.security.CurrentCaller;
import dev.tidings.security.TidingsUser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tidings offers its auditor but switches no auditing on: a host without
 * {@code @EnableJpaAuditing} gets none, a host with its own {@code AuditorAware} keeps
 * it, and a host that names {@code tidingsAuditor} records Tidings callers.
 */
class TidingsAuditingTests {

	private static final UUID USER = UUID.fromString("0c0c0c0c-0000-4000-8000-000000000001");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-auditing;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET);

	@Test
	void contextWhenHostDidNotEnableAuditingThenAuditorOfferedButNoAuditing() {
		this.runner.withUserConfiguration(Host.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("tidingsAuditor")
				.doesNotHaveBean(AuditingHandler.class));
	}

	@Test
	void contextWhenHostHasItsOwnAuditorThenAuditingUsesItWithoutAmbiguity() {
		this.runner.withUserConfiguration(HostWithOwnAuditor.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ByName entity = new ByName();
			CurrentCaller.as(caller(), () -> context.getBean(AuditingHandler.class).markCreated(entity));
			assertThat(entity.createdBy).isEqualTo("host");
		});
	}

	@Test
	void contextWhenHostNamesTidingsAuditorThenTheCurrentCallerIsRecorded() {
		this.runner.withUserConfiguration(HostWithTidingsAuditor.class).run((context) -> {
			assertThat(context).hasNotFailed();
			AuditingHandler auditing = context.getBean(AuditingHandler.class);
			ByUser forCaller = new ByUser();
			ByUser forNobody = new ByUser();

			CurrentCaller.as(caller(), () -> auditing.markCreated(forCaller));
			auditing.markCreated(forNobody);

			assertThat(forCaller.createdBy).extracting(TidingsUser::getId).isEqualTo(USER);
			assertThat(forNobody.createdBy).isNull();
		});
	}

	private static Accountability caller() {
		return new Accountability(USER, null, List.of(), List.of(), false, false);
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class Host {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	@EnableJpaAuditing
	static class HostWithOwnAuditor {

		@Bean
		AuditorAware<String> hostAuditor() {
			return () -> Optional.of("host");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	@EnableJpaAuditing(auditorAwareRef = "tidingsAuditor")
	static class HostWithTidingsAuditor {

	}

	static class ByName {

		@CreatedBy
		String createdBy;

	}

	static class ByUser {

		@CreatedBy
		TidingsUser createdBy;

	}

}
