package dev.tidings.cluster.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the stream on a connection of its own with blocking {@code XREAD}s, from the
 * newest entry at its first connection on, and after a lost connection from the last
 * entry it handled, so nothing still in the stream is missed. Stream ids are times, so
 * they keep growing after a Redis restart. An entry that cannot be read or whose
 * signature does not verify is rejected (counted and logged by the {@link Relay}); only a
 * failing connection stops the reading, until the next attempt.
 */
public final class StreamReader implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(StreamReader.class);

	/** How long one XREAD waits for entries before it is sent again. */
	private static final Duration BLOCK = Duration.ofSeconds(2);

	private final RedisStream stream;

	private final Relay relay;

	private final Duration timeout;

	private final Duration retryInterval;

	private final BooleanSupplier running;

	private @Nullable String position;

	public StreamReader(RedisStream stream, Relay relay, Duration timeout, Duration retryInterval,
			BooleanSupplier running) {
		this.stream = stream;
		this.relay = relay;
		this.timeout = timeout;
		this.retryInterval = retryInterval;
		this.running = running;
	}

	@Override
	public void run() {
		while (this.running.getAsBoolean()) {
			try (StatefulRedisConnection<String, String> connection = this.stream.connect(BLOCK.plus(this.timeout))) {
				RedisCommands<String, String> commands = connection.sync();
				if (this.position == null) {
					this.position = this.stream.lastId(commands);
				}
				this.relay.readerUp();
				while (this.running.getAsBoolean()) {
					for (StreamMessage<String, String> message : this.stream.read(commands, this.position, BLOCK)) {
						handle(message);
						this.position = message.getId();
					}
				}
			}
			catch (RuntimeException ex) {
				if (!this.running.getAsBoolean()) {
					return;
				}
				this.relay.readerDown(ex);
				if (!Pause.of(this.retryInterval)) {
					return;
				}
			}
		}
	}

	private void handle(StreamMessage<String, String> message) {
		Entry entry = this.stream.verified(message);
		if (entry == null) {
			this.relay.reject(message.getBody().get("origin"), "it is not signed with this cluster's secret");
			return;
		}
		try {
			this.relay.receive(entry);
		}
		catch (RuntimeException ex) {
			logger.error("Skipped stream entry {}, which this instance cannot read", message.getId(), ex);
		}
	}

}
