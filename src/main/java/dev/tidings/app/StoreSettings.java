package dev.tidings.app;

import java.util.Locale;

import dev.tidings.autoconfigure.TidingsClusterProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks the Directus settings that name where shared state lives before anything starts:
 * {@code MESSENGER_STORE} and {@code CACHE_STORE} mean something in Tidings only together
 * with a Redis server, and an instance that quietly ran alone because of a mismatch would
 * lose cross-instance pushes without a word. A contradiction stops the start-up saying
 * what to change.
 */
@Component
class StoreSettings implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final String REDIS_NAMES = "REDIS (or WEBSOCKETS_BROKER_URL, or REDIS_HOST)";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check(this.environment);
	}

	static void check(Environment environment) {
		boolean redis = TidingsClusterProperties.redisConfigured(environment);
		String redisUrl = environment.getProperty("tidings.standalone.redis-url", "");
		String brokerUrl = environment.getProperty("tidings.standalone.broker-url", "");
		if (StringUtils.hasText(brokerUrl) && !brokerUrl.startsWith("redis://") && !brokerUrl.startsWith("rediss://")) {
			throw new IllegalStateException("WEBSOCKETS_BROKER_URL must be a redis:// or rediss:// URL: Tidings' "
					+ "instances share changes through Redis, not '" + brokerUrl + "'.");
		}
		if (StringUtils.hasText(redisUrl) && StringUtils.hasText(brokerUrl) && !redisUrl.equals(brokerUrl)) {
			throw new IllegalStateException("REDIS and WEBSOCKETS_BROKER_URL name different servers; both mean the "
					+ "Redis that carries changes between instances, so set one of them.");
		}
		switch (store(environment, "messenger-store")) {
			case "" -> {
			}
			case "redis" -> {
				if (!redis) {
					throw new IllegalStateException("MESSENGER_STORE=redis shares changes between instances "
							+ "through Redis, but no Redis server is set: set " + REDIS_NAMES + ".");
				}
			}
			case "memory" -> {
				if (redis) {
					throw new IllegalStateException("MESSENGER_STORE=memory keeps changes on this instance, but "
							+ REDIS_NAMES + " is set, which shares them between instances: remove one of the two.");
				}
			}
			default -> throw new IllegalStateException("MESSENGER_STORE must be memory or redis, not '"
					+ environment.getProperty("tidings.standalone.messenger-store") + "'.");
		}
		switch (store(environment, "cache-store")) {
			case "", "memory" -> {
			}
			case "redis" -> {
				if (!redis) {
					throw new IllegalStateException("CACHE_STORE=redis keeps Tidings' caches of accounts and "
							+ "permissions the same on every instance through Redis, but no Redis server is set: set "
							+ REDIS_NAMES + ".");
				}
			}
			default -> throw new IllegalStateException("CACHE_STORE must be memory or redis, not '"
					+ environment.getProperty("tidings.standalone.cache-store") + "'.");
		}
	}

	private static String store(Environment environment, String name) {
		return environment.getProperty("tidings.standalone." + name, "").trim().toLowerCase(Locale.ROOT);
	}

}
