package dev.tidings.cluster;

import java.util.function.Consumer;

import dev.tidings.cluster.internal.EntrySigner;
import dev.tidings.cluster.internal.RedisStream;
import dev.tidings.cluster.internal.Relay;
import dev.tidings.cluster.internal.StreamReader;
import dev.tidings.cluster.internal.StreamWriter;
import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.NotificationCodec;
import dev.tidings.events.ValueCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChangeBus} shared by every instance through one Redis stream: each committed
 * notification is appended once, and every instance, its origin included, delivers it to
 * its local receivers when it reads it back, so all of them see the changes of one origin
 * in the same order, exactly once. Security invalidations travel in the same stream, so
 * an instance forgets stale permissions before it pushes any later change of the instance
 * where they changed.
 * <p>
 * While Redis is unreachable an instance delivers its own changes directly, keeps them
 * (up to {@link ClusterSettings#bufferSize()}) and publishes them when Redis is back; it
 * skips them then, the others receive them late. Two threads of its own read and write
 * the stream; publishing only queues, so a committing thread never waits for Redis.
 * <p>
 * Entries are signed (HMAC-SHA256 with a key derived from the shared secret): whoever can
 * write to the stream but lacks the secret can neither push changes nor silence an
 * instance. Refused entries are counted in {@link ClusterStatus#rejected()}.
 */
public final class RedisChangeBus implements ChangeBus, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisChangeBus.class);

	private final ClusterSettings settings;

	private final RedisStream stream;

	private final Relay relay;

	private final Thread reader;

	private final Thread writer;

	private volatile boolean running = true;

	/**
	 * A bus on the given Redis; its entries are signed with a key derived from the
	 * secret, which every instance must share.
	 */
	public RedisChangeBus(ClusterSettings settings, String secret) {
		this.settings = settings;
		this.stream = new RedisStream(settings, new EntrySigner(secret));
		this.relay = new Relay(this.stream.endpoint(),
				new NotificationCodec(new ValueCodec(RedisChangeBus.class.getClassLoader())), settings.bufferSize());
		this.reader = thread("tidings-cluster-reader", new StreamReader(this.stream, this.relay, settings.timeout(),
				settings.retryInterval(), () -> this.running));
		this.writer = thread("tidings-cluster-writer", new StreamWriter(this.stream, this.relay, settings.timeout(),
				settings.retryInterval(), () -> this.running));
	}

	/**
	 * Starts reading and writing, and waits up to the timeout for Redis, so that the
	 * first changes already go through it; without Redis it starts all the same.
	 */
	public void start() {
		this.reader.start();
		this.writer.start();
		try {
			this.relay.awaitConnected(this.settings.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void publish(ChangeNotification notification) {
		this.relay.publish(notification);
	}

	@Override
	public void subscribe(Consumer<ChangeNotification> receiver) {
		this.relay.subscribe(receiver);
	}

	/**
	 * Tells the other instances to forget cached users, roles and permissions. Calls made
	 * while an invalidation from another instance is being applied here are ignored, so
	 * invalidations never echo between instances.
	 */
	public void publishInvalidation() {
		this.relay.publishInvalidation();
	}

	/** Registers what to run when another instance's security model changed. */
	public void onRemoteInvalidation(Runnable receiver) {
		this.relay.onRemoteInvalidation(receiver);
	}

	/** Host, port and database of the Redis server, without credentials. */
	public String endpoint() {
		return this.stream.endpoint();
	}

	public ClusterStatus status() {
		return this.relay.status();
	}

	/** Publishes what is still queued (up to the timeout), then disconnects. */
	@Override
	public void close() {
		try {
			this.relay.awaitSent(this.settings.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.running = false;
		this.reader.interrupt();
		this.writer.interrupt();
		try {
			this.reader.join(this.settings.timeout().toMillis());
			this.writer.join(this.settings.timeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.stream.close();
		ClusterStatus status = this.relay.status();
		if (status.buffered() > 0 && !status.connected()) {
			logger.warn("Stopped with {} entries the other instances did not receive", status.buffered());
		}
	}

	private static Thread thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
