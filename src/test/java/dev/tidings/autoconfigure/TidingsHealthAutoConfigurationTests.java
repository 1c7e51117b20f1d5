package dev.tidings.autoconfigure;

import dev.tidings.realtime.RealtimeHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tidings' health indicator exists wherever Actuator does, cluster or not (the cluster's
 * own case is in {@link TidingsClusterConfigurationTests}), and gives way to a host's.
 */
class TidingsHealthAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class,
				TidingsDispatchAutoConfiguration.class, TidingsHealthAutoConfiguration.class))
		.withUserConfiguration(TidingsAutoConfigurationTests.HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:health-autoconfig;DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=create-drop",
				"tidings.auth.secret=" + TidingsAutoConfigurationTests.SECRET);

	@Test
	void healthWhenTheWebsocketsAreOnThenUpWithTheEndpointsLoad() {
		this.runner.withPropertyValues("tidings.websockets.enabled=true").run((context) -> {
			Health health = context.getBean("tidingsHealthIndicator", HealthIndicator.class).health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("connections", 0)
				.containsEntry("subscriptions", 0)
				.containsEntry("dispatchQueue", 0);
		});
	}

	@Test
	void healthWhenTheWebsocketsAreOffThenUpSayingSo() {
		this.runner.run((context) -> {
			Health health = context.getBean("tidingsHealthIndicator", HealthIndicator.class).health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("websockets", "changeFeed")
				.containsEntry("websockets", "disabled");
		});
	}

	@Test
	void contextWhenTheHostHasItsOwnTidingsIndicatorThenItStays() {
		this.runner.withUserConfiguration(HostHealth.class)
			.run((context) -> assertThat(context).doesNotHaveBean(RealtimeHealthIndicator.class)
				.getBean("tidingsHealthIndicator")
				.isSameAs(HostHealth.INDICATOR));
	}

	@Test
	void contextWhenActuatorIsMissingThenNoIndicator() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("tidingsHealthIndicator"));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostHealth {

		static final HealthIndicator INDICATOR = () -> Health.down().build();

		@Bean
		HealthIndicator tidingsHealthIndicator() {
			return INDICATOR;
		}

	}

}
