package dev.tidings.autoconfigure;

import java.time.Instant;

import dev.tidings.cluster.ClusterMeters;
import dev.tidings.errors.ErrorCode;
import dev.tidings.events.ChangeType;
import dev.tidings.realtime.RealtimeGauges;
import dev.tidings.realtime.RealtimeMeters;
import dev.tidings.realtime.RealtimeMetrics;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import dev.tidings.security.AuthFailureMeters;
import dev.tidings.security.AuthFailures;
import dev.tidings.security.Sessions;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Tidings registers its meters: only with a meter registry, the realtime ones only
 * with the endpoint, the cluster's only with the cluster, and never in place of a host's
 * own.
 */
class TidingsMetricsAutoConfigurationTests {

	private static final AutoConfigurations TIDINGS = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, TidingsAutoConfiguration.class,
			TidingsDispatchAutoConfiguration.class, TidingsMetricsAutoConfiguration.class);

	private static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(TIDINGS)
		.withUserConfiguration(TidingsAutoConfigurationTests.HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:metrics-autoconfig;DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=create-drop", "tidings.websockets.enabled=true",
				"tidings.auth.secret=a-metrics-test-secret-of-at-least-32-bytes");

	@Test
	void contextWhenTheHostHasARegistryThenTheMetersAreRegisteredAndTheGaugesBound() {
		this.runner.withConfiguration(METRICS).run((context) -> {
			assertThat(context).hasSingleBean(AuthFailureMeters.class)
				.hasSingleBean(RealtimeMeters.class)
				.hasSingleBean(RealtimeGauges.class)
				.doesNotHaveBean(ClusterMeters.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("tidings.auth.failures").tag("reason", "INVALID_CREDENTIALS").counter().count())
				.isZero();
			assertThat(registry.get("tidings.realtime.pushes").counters()).hasSize(3);
			assertThat(registry.get("tidings.realtime.connections").gauge().value()).isZero();
			assertThat(registry.get("tidings.realtime.subscriptions").tag("collection", "notes").gauge().value())
				.isZero();
			assertThat(registry.get("tidings.realtime.dispatch.queue").gauge().value()).isZero();
		});
	}

	@Test
	void contextWhenTheWebsocketsAreOffThenOnlyTheAuthFailures() {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("tidings.websockets.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(AuthFailureMeters.class)
				.doesNotHaveBean(RealtimeMetrics.class)
				.doesNotHaveBean(RealtimeGauges.class));
	}

	@Test
	void contextWhenTheClusterIsOnThenItsMetersRead() {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("tidings.cluster.redis-url=redis://127.0.0.1:1", "tidings.cluster.timeout=200ms")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("tidings.cluster.lag").timeGauge().value()).isZero();
				assertThat(registry.get("tidings.cluster.buffered").gauge().value()).isZero();
				assertThat(registry.get("tidings.cluster.dropped").functionCounter().count()).isZero();
			});
	}

	@Test
	void contextWhenThereIsNoRegistryThenNothingIsMeasured() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(RealtimeEndpoint.class)
			.doesNotHaveBean(AuthFailures.class)
			.doesNotHaveBean(RealtimeMetrics.class));
	}

	@Test
	void contextWhenMicrometerIsMissingThenTidingsRunsWithoutIt() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RealtimeEndpoint.class)
				.hasSingleBean(Sessions.class)
				.doesNotHaveBean(RealtimeMetrics.class));
	}

	@Test
	void contextWhenTheHostMeasuresItselfThenTidingsBacksOff() {
		this.runner.withConfiguration(METRICS)
			.withUserConfiguration(HostMetrics.class)
			.run((context) -> assertThat(context).doesNotHaveBean(AuthFailureMeters.class)
				.doesNotHaveBean(RealtimeMeters.class)
				.hasBean("hostRealtimeMetrics")
				.hasBean("hostAuthFailures"));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostMetrics {

		@Bean
		RealtimeMetrics hostRealtimeMetrics() {
			return new RealtimeMetrics() {

				@Override
				public void pushed(ChangeType event, Instant committedAt) {
				}

				@Override
				public void slowClientClosed() {
				}

			};
		}

		@Bean
		AuthFailures hostAuthFailures() {
			return (ErrorCode reason) -> {
			};
		}

	}

}
