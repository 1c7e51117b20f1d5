package dev.tidings.autoconfigure;

import dev.tidings.cluster.RedisChangeBus;
import dev.tidings.events.ChangeBus;
import dev.tidings.security.SecurityCache;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Several instances through Redis, when a Redis server is configured and Lettuce is on
 * the classpath: the change bus goes through the cluster's own Redis stream (its own
 * client, never the host's {@code RedisConnectionFactory}), and security invalidations
 * travel with the changes. The entries are signed with a key derived from
 * {@code tidings.auth.secret}, which the cluster therefore requires. Imported before the
 * events configuration, whose local bus then backs off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.lettuce.core.RedisClient")
@Conditional(TidingsClusterConfiguration.RedisConfigured.class)
@EnableConfigurationProperties(TidingsClusterProperties.class)
class TidingsClusterConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(ChangeBus.class)
	RedisChangeBus tidingsRedisChangeBus(TidingsClusterProperties properties, TidingsAuthProperties auth,
			TidingsAdminProperties admin, SecurityCache cache, Environment environment) {
		RequiredSettings.check(environment, auth, admin);
		RedisChangeBus bus = new RedisChangeBus(properties.settings(), auth.secret());
		bus.onRemoteInvalidation(cache::invalidate);
		// A write to the security model empties the cache during its transaction and
		// again once it completes: only the second tells the others, as before the
		// commit they would reload what is about to change.
		cache.onInvalidate(() -> {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				bus.publishInvalidation();
			}
		});
		bus.start();
		return bus;
	}

	/**
	 * Whether {@link TidingsClusterProperties#redisConfigured} switches the cluster on.
	 */
	static class RedisConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TidingsClusterProperties.redisConfigured(context.getEnvironment())
					? ConditionOutcome.match("tidings.cluster.redis-url or redis-host is set")
					: ConditionOutcome.noMatch("neither tidings.cluster.redis-url nor redis-host is set");
		}

	}

}
