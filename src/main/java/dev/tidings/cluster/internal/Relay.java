package dev.tidings.cluster.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.tidings.cluster.ClusterStatus;
import dev.tidings.cluster.internal.UnconfirmedEntries.Pending;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.LocalChangeBus;
import dev.tidings.events.NotificationCodec;
import dev.tidings.events.ValueCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an instance does with its own entries and the stream's, apart from Redis itself:
 * numbering its entries, keeping them in the {@link UnconfirmedEntries} until the stream
 * gives them back, delivering each change to the local receivers exactly once, skipping
 * entries of other instances it has already seen (a resend after an outage), and
 * deciding, with the reader's and writer's link state, when to deliver its own changes
 * without waiting for Redis. One monitor guards all of it; receivers only enqueue, so
 * holding it is short.
 * <p>
 * An origin's sequence may jump (entries dropped from its buffer, or lost by Redis) but
 * not implausibly far: a jump beyond {@link #maxGap} is rejected, so that one entry with
 * a huge number cannot make this instance skip all of that origin's later ones. An origin
 * whose next entry follows the rejected one, though, has really moved on (it dropped more
 * than a buffer's worth during a long outage), and is followed from there.
 */
public final class Relay {

	private static final Logger logger = LoggerFactory.getLogger(Relay.class);

	private static final long GAP_SLACK = 1000;

	private final String instance = UUID.randomUUID().toString();

	private final NotificationCodec codec;

	private final UnconfirmedEntries unconfirmed;

	private final LocalChangeBus local = new LocalChangeBus();

	private final List<Runnable> invalidationReceivers = new CopyOnWriteArrayList<>();

	/** The last sequence number seen from each other instance. */
	private final Map<String, Long> seen = new HashMap<>();

	/** Per origin, the sequence of the last entry rejected for jumping too far. */
	private final Map<String, Long> jumped = new HashMap<>();

	private final Rejections rejections = new Rejections(Clock.systemUTC());

	/**
	 * The largest gap accepted in an origin's sequence: what its buffer (assumed as large
	 * as this instance's) may have dropped, plus slack for entries lost by Redis.
	 */
	private final long maxGap;

	/** Types already reported as impossible to send, so the log says it once. */
	private final Set<String> unsupported = ConcurrentHashMap.newKeySet();

	/** True while a remote invalidation is being applied: it must not be sent back. */
	private final ThreadLocal<Boolean> applyingRemote = ThreadLocal.withInitial(() -> false);

	private final Link link;

	private long sequence;

	private long dropped;

	/** From commit to reading, of the last change read from the stream. */
	private Duration lag = Duration.ZERO;

	public Relay(String endpoint, NotificationCodec codec, int bufferSize) {
		this.link = new Link(endpoint);
		this.codec = codec;
		this.unconfirmed = new UnconfirmedEntries(bufferSize);
		this.maxGap = this.unconfirmed.capacity() + GAP_SLACK;
	}

	public String instance() {
		return this.instance;
	}

	public void subscribe(Consumer<ChangeNotification> receiver) {
		this.local.subscribe(receiver);
	}

	public void onRemoteInvalidation(Runnable receiver) {
		this.invalidationReceivers.add(receiver);
	}

	/**
	 * Numbers the notification and queues it for the stream; while Redis is unreachable
	 * also delivers it here at once. A value the codec cannot carry keeps it on this
	 * instance alone, logged.
	 */
	public void publish(ChangeNotification notification) {
		String data;
		try {
			data = this.codec.encode(notification);
		}
		catch (ValueCodec.UnsupportedValueException ex) {
			if (this.unsupported.add(notification.collection() + " " + ex.getMessage())) {
				logger.error("Changes to {} are pushed on this instance only: {}", notification.collection(),
						ex.getMessage());
			}
			synchronized (this) {
				this.local.publish(notification);
			}
			return;
		}
		synchronized (this) {
			enqueue(Entry.Kind.CHANGE, data, notification);
		}
	}

	/**
	 * Queues an invalidation of this instance's security cache for the others, unless it
	 * is a remote one being applied here.
	 */
	public void publishInvalidation() {
		if (this.applyingRemote.get()) {
			return;
		}
		synchronized (this) {
			if (!this.unconfirmed.endsWithUnsentInvalidation()) {
				enqueue(Entry.Kind.INVALIDATION, null, null);
			}
		}
	}

	private void enqueue(Entry.Kind kind, @Nullable String data, @Nullable ChangeNotification notification) {
		Pending pending = new Pending(new Entry(this.instance, ++this.sequence, kind, data), notification);
		if (!isConnected()) {
			deliver(pending);
		}
		Pending evicted = this.unconfirmed.add(pending);
		if (evicted != null) {
			evict(evicted);
		}
		notifyAll();
	}

	private void evict(Pending evicted) {
		deliver(evicted);
		this.dropped++;
		if (this.link.dropped()) {
			logger.error("The buffer of changes for the other instances is full: dropping the oldest, "
					+ "which the other instances will never receive (raise tidings.cluster.buffer-size "
					+ "or bring Redis back)");
		}
	}

	/** Handles an entry read from the stream, in stream order. */
	public synchronized void receive(Entry entry) {
		if (entry.origin().equals(this.instance)) {
			if (entry.sequence() > this.sequence) {
				this.rejections.add(entry.origin(), "this instance never wrote sequence " + entry.sequence());
				return;
			}
			for (Pending pending : this.unconfirmed.readBack(entry.sequence())) {
				ChangeNotification notification = pending.notification();
				if (notification != null) {
					read(notification);
				}
				deliver(pending);
			}
			return;
		}
		Long last = this.seen.get(entry.origin());
		if (last != null && entry.sequence() <= last) {
			return;
		}
		if (last != null && entry.sequence() - last > this.maxGap
				&& !Long.valueOf(entry.sequence() - 1).equals(this.jumped.put(entry.origin(), entry.sequence()))) {
			this.rejections.add(entry.origin(), "its sequence jumps from " + last + " to " + entry.sequence());
			return;
		}
		this.jumped.remove(entry.origin());
		this.seen.put(entry.origin(), entry.sequence());
		if (last != null && entry.sequence() > last + 1) {
			logger.warn(
					"Missed {} entries of instance {} (dropped from its buffer, or lost by Redis); "
							+ "forgetting cached permissions in case one was an invalidation",
					entry.sequence() - last - 1, entry.origin());
			invalidateHere();
		}
		if (entry.kind() == Entry.Kind.INVALIDATION) {
			invalidateHere();
		}
		else if (entry.data() != null) {
			ChangeNotification notification = this.codec.decode(entry.data());
			read(notification);
			this.local.publish(notification);
		}
	}

	/** A change came out of the stream: how long it took since its commit. */
	private void read(ChangeNotification notification) {
		Duration since = Duration.between(notification.committedAt(), Instant.now());
		this.lag = since.isNegative() ? Duration.ZERO : since;
	}

	/** Counts (and logs, rate-limited) an entry that was refused before it was read. */
	public synchronized void reject(@Nullable String origin, String reason) {
		this.rejections.add(origin, reason);
	}

	private void deliver(Pending pending) {
		ChangeNotification notification = pending.notification();
		if (!pending.delivered() && notification != null) {
			this.local.publish(notification);
		}
		pending.markDelivered();
	}

	private void invalidateHere() {
		this.applyingRemote.set(true);
		try {
			this.invalidationReceivers.forEach(Runnable::run);
		}
		catch (RuntimeException ex) {
			logger.error("Failed to apply an invalidation from another instance", ex);
		}
		finally {
			this.applyingRemote.set(false);
		}
	}

	/**
	 * The reader is connected and knows where it reads from. It may have missed entries
	 * while it was away (the stream may have been trimmed or lost), so cached permissions
	 * are forgotten.
	 */
	public synchronized void readerUp() {
		invalidateHere();
		this.link.readerUp(this.unconfirmed.size());
		notifyAll();
	}

	public synchronized void writerUp() {
		this.link.writerUp(this.unconfirmed.size());
		notifyAll();
	}

	public synchronized void readerDown(Exception cause) {
		this.link.readerDown(cause, this.unconfirmed.capacity());
		deliverWaiting();
	}

	/** The writer lost its connection: whatever it sent may not have arrived. */
	public synchronized void writerDown(Exception cause) {
		this.link.writerDown(cause, this.unconfirmed.capacity());
		this.unconfirmed.resendAll();
		deliverWaiting();
	}

	/** Whatever waits for Redis is delivered here now, in order. */
	private void deliverWaiting() {
		this.unconfirmed.all().forEach(this::deliver);
		notifyAll();
	}

	private boolean isConnected() {
		return this.link.connected();
	}

	/** Whether the reader has found its place in the stream, so the writer may start. */
	public synchronized boolean awaitPositioned(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.link.positioned() && System.nanoTime() < deadline) {
			wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
		return this.link.positioned();
	}

	/** Waits up to the timeout for both connections; whether they are up. */
	public synchronized boolean awaitConnected(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isConnected() && System.nanoTime() < deadline) {
			wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
		return isConnected();
	}

	/** Waits up to the timeout until nothing is left to send. */
	public synchronized void awaitSent(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isConnected() && this.unconfirmed.hasUnsent() && System.nanoTime() < deadline) {
			wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
	}

	/** The next entry to send, waiting up to the timeout for one; null if none came. */
	public synchronized @Nullable Entry nextToSend(Duration timeout) throws InterruptedException {
		if (!this.unconfirmed.hasUnsent()) {
			wait(timeout.toMillis());
		}
		Pending next = this.unconfirmed.nextToSend();
		if (!this.unconfirmed.hasUnsent()) {
			notifyAll();
		}
		return (next != null) ? next.entry() : null;
	}

	public synchronized ClusterStatus status() {
		return new ClusterStatus(this.instance, isConnected(), this.unconfirmed.size(), this.dropped,
				this.rejections.count(), this.link.disconnectedSince(), this.lag);
	}

}
