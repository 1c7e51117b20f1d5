package dev.tidings.cluster.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tidings.cluster.ClusterSettings;
import dev.tidings.cluster.ClusterSettings.RedisEndpoint;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * The cluster's own Lettuce client and the few stream commands it needs. Connections
 * never reconnect by themselves (the reader and writer do, knowing what a lost connection
 * means for their entries), and commands on a lost connection fail at once instead of
 * queueing. Nothing here is shared with a host's own Redis beans.
 */
public final class RedisStream implements AutoCloseable {

	private final ClusterSettings settings;

	private final ClientResources resources;

	private final RedisClient client;

	private final RedisURI uri;

	private final EntrySigner signer;

	public RedisStream(ClusterSettings settings, EntrySigner signer) {
		this.settings = settings;
		this.signer = signer;
		this.uri = uri(settings.redis(), settings.timeout());
		this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
		this.client = RedisClient.create(this.resources, this.uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(false)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
			.build());
	}

	/**
	 * Host, port and database of the server, never its credentials, for logs and health.
	 */
	public String endpoint() {
		return this.uri.getHost() + ":" + this.uri.getPort() + "/" + this.uri.getDatabase();
	}

	/** A new connection whose commands time out after the given time. */
	StatefulRedisConnection<String, String> connect(Duration commandTimeout) {
		StatefulRedisConnection<String, String> connection = this.client.connect();
		connection.setTimeout(commandTimeout);
		return connection;
	}

	/** The id of the stream's newest entry, or "0-0" when it is empty or absent. */
	String lastId(RedisCommands<String, String> commands) {
		List<StreamMessage<String, String>> last = commands.xrevrange(this.settings.streamKey(), Range.unbounded(),
				Limit.from(1));
		return last.isEmpty() ? "0-0" : last.get(0).getId();
	}

	/** Entries after the given id, waiting up to {@code block} for the first. */
	List<StreamMessage<String, String>> read(RedisCommands<String, String> commands, String after, Duration block) {
		return commands.xread(XReadArgs.Builder.block(block).count(500),
				XReadArgs.StreamOffset.from(this.settings.streamKey(), after));
	}

	/** Appends the entry with its signature. */
	void append(RedisCommands<String, String> commands, Entry entry) {
		Map<String, String> fields = entry.fields();
		fields.put(EntrySigner.FIELD, this.signer.sign(entry));
		commands.xadd(this.settings.streamKey(),
				new XAddArgs().maxlen(this.settings.streamMaxLength()).approximateTrimming(), fields);
	}

	/**
	 * The entry a message holds, if it is one this version wrote and its signature
	 * verifies; null otherwise.
	 */
	@Nullable Entry verified(StreamMessage<String, String> message) {
		Map<String, String> fields = message.getBody();
		Entry entry;
		try {
			entry = Entry.of(fields);
		}
		catch (RuntimeException ex) {
			return null;
		}
		return this.signer.verifies(entry, fields.get(EntrySigner.FIELD)) ? entry : null;
	}

	@Override
	public void close() {
		this.client.shutdown(Duration.ZERO, this.settings.timeout());
		this.resources.shutdown(0, this.settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	private static RedisURI uri(RedisEndpoint endpoint, Duration timeout) {
		RedisURI uri;
		if (StringUtils.hasText(endpoint.url())) {
			uri = RedisURI.create(endpoint.url());
		}
		else {
			RedisURI.Builder builder = RedisURI.Builder.redis(endpoint.host(), endpoint.port())
				.withDatabase(endpoint.database());
			if (StringUtils.hasText(endpoint.password())) {
				builder = StringUtils.hasText(endpoint.username())
						? builder.withAuthentication(endpoint.username(), endpoint.password().toCharArray())
						: builder.withPassword(endpoint.password().toCharArray());
			}
			uri = builder.build();
		}
		uri.setTimeout(timeout);
		return uri;
	}

}
