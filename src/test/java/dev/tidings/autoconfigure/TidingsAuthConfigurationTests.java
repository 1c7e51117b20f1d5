package dev.tidings.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import dev.tidings.security.Accountability;
import dev.tidings.security.AdminBootstrap;
import dev.tidings.security.Authenticator;
import dev.tidings.security.Sessions;
import dev.tidings.security.TokenAuthenticator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TidingsAuthConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class))
		.withUserConfiguration(HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:auth-config;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=a-secret-of-at-least-thirty-two-bytes");

	@Test
	void contextWhenNothingSetThenDirectusDefaultsAndTokenAuthenticator() {
		this.runner.run((context) -> {
			TidingsAuthProperties properties = context.getBean(TidingsAuthProperties.class);
			assertThat(properties.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
			assertThat(properties.loginStallTime()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.refreshCookieName()).isEqualTo("directus_refresh_token");
			assertThat(properties.throttle().enabled()).isTrue();
			assertThat(context).hasSingleBean(Sessions.class);
			assertThat(context.getBean(Authenticator.class)).isInstanceOf(TokenAuthenticator.class);
			assertThat(context.getBean(Authenticator.class).authenticate(null).isAnonymous()).isTrue();
		});
	}

	@Test
	void propertiesWhenStallTimeIsABareNumberThenMilliseconds() {
		this.runner.withPropertyValues("tidings.auth.login-stall-time=750", "tidings.auth.access-token-ttl=1h")
			.run((context) -> {
				TidingsAuthProperties properties = context.getBean(TidingsAuthProperties.class);
				assertThat(properties.loginStallTime()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.accessTokenTtl()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void contextWhenSecretShorterThan32BytesThenStartupFailsNamingTheProperty() {
		this.runner.withPropertyValues("tidings.auth.secret=too-short").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("tidings.auth.secret")
				.hasMessageContaining("at least 32 bytes");
		});
	}

	@Test
	void contextWhenSecretAndAdminEmailMissingThenOneFailureListsBoth() {
		this.runner.withPropertyValues("tidings.auth.secret=", "tidings.admin.password=admin-password-123")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause().isInstanceOf(RequiredSettings.MissingSettingsException.class);
				FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("- tidings.auth.secret:")
					.contains("- tidings.admin.email:");
			});
	}

	@Test
	void contextWhenNoSecretButRandomAllowedOrNothingIssuesTokensThenStarts() {
		this.runner.withPropertyValues("tidings.auth.secret=", "tidings.auth.allow-random-secret=true")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("tidings.auth.secret=", "tidings.rest.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("tidings.auth.secret=", "tidings.rest.enabled=false", "tidings.websockets.enabled=true")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void contextWhenAdminConfiguredThenCreatedAndOtherwiseNot() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:auth-config-no-admin;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AdminBootstrap.class);
				assertThat(users(context)).isZero();
			});
		this.runner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:auth-config-admin;DB_CLOSE_DELAY=-1",
					"tidings.admin.email=boss@example.com", "tidings.admin.password=boss-password-123")
			.run((context) -> {
				assertThat(users(context)).isOne();
				assertThat(context.getBean(Sessions.class)
					.login("boss@example.com", "boss-password-123", new Sessions.Client("127.0.0.1", null, null))
					.accessToken()).isNotBlank();
			});
	}

	private static Long users(org.springframework.context.ApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select count(*) from tidings_users",
				Long.class);
	}

	@Test
	void contextWhenHostDefinesAuthenticatorThenTidingsBacksOff() {
		this.runner.withUserConfiguration(HostAuthenticator.class)
			.run((context) -> assertThat(context.getBean(Authenticator.class))
				.isSameAs(HostAuthenticator.AUTHENTICATOR));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class HostConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class HostAuthenticator {

		static final Authenticator AUTHENTICATOR = (token) -> Accountability.system();

		@Bean
		Authenticator hostAuthenticator() {
			return AUTHENTICATOR;
		}

	}

}
