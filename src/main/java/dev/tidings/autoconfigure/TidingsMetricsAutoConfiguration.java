package dev.tidings.autoconfigure;

import dev.tidings.cluster.ClusterMeters;
import dev.tidings.cluster.RedisChangeBus;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.RealtimeGauges;
import dev.tidings.realtime.RealtimeLoad;
import dev.tidings.realtime.RealtimeMeters;
import dev.tidings.realtime.RealtimeMetrics;
import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AuthFailureMeters;
import dev.tidings.security.AuthFailures;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tidings' meters, where the host has a Micrometer {@link MeterRegistry}: refused
 * authentications; with the realtime endpoint, its pushes and their latency, slow
 * clients, connections, subscriptions and dispatch backlog; with the cluster, its lag,
 * buffer and drops. Without a registry the endpoint and the sessions report to no-op
 * stand-ins, and nothing of Micrometer is loaded.
 * <p>
 * Runs after the registries and after the beans its conditions look for; the endpoint and
 * the sessions find the meters when they are created. A host's own {@link AuthFailures}
 * or {@link RealtimeMetrics} takes their place.
 */
@AutoConfiguration(after = { TidingsAutoConfiguration.class, TidingsDispatchAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ItemsService.class })
public final class TidingsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AuthFailures.class)
	AuthFailureMeters tidingsAuthFailureMeters(MeterRegistry registry) {
		return new AuthFailureMeters(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RealtimeSettings.class)
	static class RealtimeMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(RealtimeMetrics.class)
		RealtimeMeters tidingsRealtimeMeters(MeterRegistry registry) {
			return new RealtimeMeters(registry);
		}

		@Bean
		@ConditionalOnBean(RealtimeLoad.class)
		RealtimeGauges tidingsRealtimeGauges(RealtimeLoad load, SchemaRegistry schemas) {
			return new RealtimeGauges(load, schemas);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RedisChangeBus.class)
	static class ClusterMetricsConfiguration {

		@Bean
		ClusterMeters tidingsClusterMeters(RedisChangeBus bus) {
			return new ClusterMeters(bus);
		}

	}

}
