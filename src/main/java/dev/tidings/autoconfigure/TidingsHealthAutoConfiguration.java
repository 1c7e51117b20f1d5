package dev.tidings.autoconfigure;

import dev.tidings.cluster.ClusterHealthIndicator;
import dev.tidings.cluster.RedisChangeBus;
import dev.tidings.events.ChangeFeed;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.RealtimeHealthIndicator;
import dev.tidings.realtime.RealtimeLoad;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tidings' health indicator, shown as {@code tidings} under {@code /actuator/health}
 * wherever the host has Actuator: this instance's realtime state and, when the cluster is
 * on, its link to the others. Its own auto-configuration, after the ones that declare the
 * endpoint, the dispatcher and the bus, so that its conditions see them. Exposure,
 * details and the status order stay the host's choice, and a host's own
 * {@code tidingsHealthIndicator} takes its place.
 */
@AutoConfiguration(after = { TidingsAutoConfiguration.class, TidingsDispatchAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ItemsService.class)
public final class TidingsHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "tidingsHealthIndicator")
	RealtimeHealthIndicator tidingsHealthIndicator(ObjectProvider<RealtimeLoad> load, ObjectProvider<ChangeFeed> feed) {
		return new RealtimeHealthIndicator(load.getIfAvailable(), feed.getIfAvailable());
	}

	/** Registered ahead of the outer class's bean, which then backs off. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RedisChangeBus.class)
	static class ClusterHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "tidingsHealthIndicator")
		ClusterHealthIndicator tidingsHealthIndicator(RedisChangeBus bus, ObjectProvider<RealtimeLoad> load,
				ObjectProvider<ChangeFeed> feed) {
			return new ClusterHealthIndicator(bus,
					new RealtimeHealthIndicator(load.getIfAvailable(), feed.getIfAvailable()));
		}

	}

}
