package dev.tidings.autoconfigure;

import dev.tidings.cluster.ClusterHealthIndicator;
import dev.tidings.cluster.RedisChangeBus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The cluster's health indicator, shown as {@code tidings} under
 * {@code /actuator/health}, where the host has Actuator and the cluster is on. Its own
 * auto-configuration, so that its condition sees the bus. Exposure, details and the
 * status order stay the host's choice.
 */
@AutoConfiguration(after = TidingsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RedisChangeBus.class)
public final class TidingsClusterHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "tidingsHealthIndicator")
	ClusterHealthIndicator tidingsHealthIndicator(RedisChangeBus bus) {
		return new ClusterHealthIndicator(bus);
	}

}
