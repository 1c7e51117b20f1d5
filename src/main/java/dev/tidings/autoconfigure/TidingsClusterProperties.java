package dev.tidings.autoconfigure;

import java.time.Duration;

import dev.tidings.cluster.ClusterSettings;
import dev.tidings.cluster.ClusterSettings.RedisEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Settings of several instances sharing their changes through Redis (Directus's
 * {@code REDIS}, {@code REDIS_HOST}…). Setting {@code redis-url} or {@code redis-host}
 * switches it on.
 *
 * @param redisUrl the Redis server as a URL ({@code redis://user:password@host:6379/0},
 * {@code rediss://} for TLS); wins over the host settings
 * @param redisHost the Redis server's host, when no URL is given
 * @param redisPort its port
 * @param redisUsername its ACL user name, if any
 * @param redisPassword its password, if any
 * @param redisDatabase the database number
 * @param streamKey the key of the stream all instances share; instances of different
 * applications on one Redis need different keys
 * @param streamMaxLength about how many entries the stream keeps for instances catching
 * up after losing their connection
 * @param bufferSize how many of its own changes an instance keeps while Redis is
 * unreachable, to publish them when it is back; beyond that the oldest are dropped
 * (logged, and counted in the health details)
 * @param timeout how long connecting to Redis or a command may take before Redis counts
 * as unreachable
 * @param retryInterval how long to wait between attempts to reconnect
 */
@ConfigurationProperties("tidings.cluster")
public record TidingsClusterProperties(@Nullable String redisUrl, @Nullable String redisHost,
		@DefaultValue("6379") int redisPort, @Nullable String redisUsername, @Nullable String redisPassword,
		@DefaultValue("0") int redisDatabase, @DefaultValue("tidings:changes") String streamKey,
		@DefaultValue("100000") long streamMaxLength, @DefaultValue("10000") int bufferSize,
		@DefaultValue("2s") Duration timeout, @DefaultValue("1s") Duration retryInterval) {

	/**
	 * Whether the environment switches the cluster on: {@code redis-url} or
	 * {@code redis-host} has text. An empty value, as the standalone app's unset
	 * {@code REDIS} gives, means no cluster.
	 */
	public static boolean redisConfigured(PropertyResolver environment) {
		return StringUtils.hasText(environment.getProperty("tidings.cluster.redis-url"))
				|| StringUtils.hasText(environment.getProperty("tidings.cluster.redis-host"));
	}

	ClusterSettings settings() {
		return new ClusterSettings(
				new RedisEndpoint(blankToNull(this.redisUrl), blankToNull(this.redisHost), this.redisPort,
						blankToNull(this.redisUsername), blankToNull(this.redisPassword), this.redisDatabase),
				this.streamKey, this.streamMaxLength, this.bufferSize, this.timeout, this.retryInterval);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
