package dev.tidings.cluster;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where the cluster's Redis is and how the stream of changes is kept.
 *
 * @param redis the Redis server
 * @param streamKey the key of the one stream every instance writes to and reads
 * @param streamMaxLength about how many entries the stream keeps for instances that
 * reconnect (trimmed approximately, as Redis does it cheaply)
 * @param bufferSize how many of its own entries an instance keeps while Redis is
 * unreachable, to publish them when it is back; beyond that the oldest are dropped
 * @param timeout how long connecting or a command may take before Redis counts as
 * unreachable
 * @param retryInterval how long to wait before connecting again after a failure
 */
public record ClusterSettings(RedisEndpoint redis, String streamKey, long streamMaxLength, int bufferSize,
		Duration timeout, Duration retryInterval) {

	/**
	 * A Redis server, by URL ({@code redis://user:password@host:6379/0},
	 * {@code rediss://…} for TLS) or by its parts; the URL wins when both are given.
	 *
	 * @param url the URL, or null to use the parts
	 * @param host the host name
	 * @param port the port
	 * @param username the ACL user name, or null for the default user
	 * @param password the password, or null for none
	 * @param database the database number
	 */
	public record RedisEndpoint(@Nullable String url, @Nullable String host, int port, @Nullable String username,
			@Nullable String password, int database) {

		public static RedisEndpoint of(String url) {
			return new RedisEndpoint(url, null, 6379, null, null, 0);
		}

	}

}
