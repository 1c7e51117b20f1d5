package dev.tidings.cluster.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/**
 * Appends this instance's entries to the stream, in order, on a connection of its own. It
 * starts once the reader knows where it reads from (an entry appended before that would
 * never come back to this instance). Idle, it pings, so a lost connection is noticed
 * without waiting for the next write; after one, everything not yet read back is sent
 * again once it reconnects.
 */
public final class StreamWriter implements Runnable {

	private static final Duration IDLE = Duration.ofSeconds(1);

	private final RedisStream stream;

	private final Relay relay;

	private final Duration timeout;

	private final Duration retryInterval;

	private final BooleanSupplier running;

	public StreamWriter(RedisStream stream, Relay relay, Duration timeout, Duration retryInterval,
			BooleanSupplier running) {
		this.stream = stream;
		this.relay = relay;
		this.timeout = timeout;
		this.retryInterval = retryInterval;
		this.running = running;
	}

	@Override
	public void run() {
		try {
			while (this.running.getAsBoolean()) {
				if (this.relay.awaitPositioned(IDLE)) {
					write();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void write() throws InterruptedException {
		try (StatefulRedisConnection<String, String> connection = this.stream.connect(this.timeout)) {
			RedisCommands<String, String> commands = connection.sync();
			this.relay.writerUp();
			while (this.running.getAsBoolean()) {
				@Nullable Entry next = this.relay.nextToSend(IDLE);
				if (next != null) {
					this.stream.append(commands, next);
				}
				else {
					commands.ping();
				}
			}
		}
		catch (RuntimeException ex) {
			if (!this.running.getAsBoolean()) {
				return;
			}
			this.relay.writerDown(ex);
			if (!Pause.of(this.retryInterval)) {
				throw new InterruptedException();
			}
		}
	}

}
