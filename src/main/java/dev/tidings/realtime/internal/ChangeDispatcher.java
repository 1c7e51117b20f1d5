package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tidings.errors.TidingsException;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.items.SnapshotView;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans each committed notification out to the subscriptions on its collection. The
 * committing thread only enqueues: each collection has one stripe, a single thread with a
 * bounded queue, so the notifications of a collection are dispatched one after the other
 * in commit order and a session never sees an update before its create. Notifications of
 * different collections may overtake each other.
 * <p>
 * Per notification, the subscriptions of open sessions with a caller are grouped by
 * {@link DispatchGroup}; each group's view is bound, its pushes decided and each frame
 * serialised once, and the same string goes to every session of the group with the same
 * uid. A failing group is logged and never stops the others. {@link ClientSession#send}
 * must not block (the session buffers and writes on its own), as the stripe's other
 * sessions wait for it.
 */
public final class ChangeDispatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ChangeDispatcher.class);

	private final SubscriptionIndex index;

	private final ItemsService items;

	private final SubscriptionFrames frames = new SubscriptionFrames();

	private final List<ThreadPoolExecutor> stripes = new ArrayList<>();

	/**
	 * @param threads the number of stripes, each one thread named
	 * {@code tidings-dispatch-N}
	 * @param queueCapacity the notifications each stripe holds before it drops new ones
	 */
	public ChangeDispatcher(SubscriptionIndex index, ItemsService items, int threads, int queueCapacity) {
		this.index = index;
		this.items = items;
		AtomicInteger count = new AtomicInteger();
		for (int i = 0; i < threads; i++) {
			this.stripes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(queueCapacity), (task) -> {
						Thread thread = new Thread(task, "tidings-dispatch-" + count.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					}));
		}
	}

	/**
	 * Enqueues the notification on its collection's stripe and returns at once. When the
	 * stripe is full the notification is dropped and logged: writers are never slowed by
	 * subscribers.
	 */
	public void accept(ChangeNotification notification) {
		int stripe = Math.floorMod(notification.collection().hashCode(), this.stripes.size());
		try {
			this.stripes.get(stripe).execute(() -> dispatch(notification));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Dropped {} change(s) to {}: the dispatch queue is full or closed",
					notification.changes().size(), notification.collection());
		}
	}

	/** Dispatches on the calling thread. */
	void dispatch(ChangeNotification notification) {
		Map<DispatchGroup, List<Subscription>> groups = new LinkedHashMap<>();
		for (Subscription subscription : this.index.on(notification.collection())) {
			ClientSession session = subscription.session();
			Accountability caller = session.isOpen() ? session.caller() : null;
			if (caller != null) {
				groups.computeIfAbsent(DispatchGroup.of(subscription, caller), (key) -> new ArrayList<>())
					.add(subscription);
			}
		}
		groups.forEach((group, subscriptions) -> {
			try {
				deliver(notification, group, subscriptions);
			}
			catch (TidingsException ex) {
				// the caller may no longer read what it subscribed to: it gets nothing
				logger.debug("No push to {} subscription(s) on {}: {}", subscriptions.size(), notification.collection(),
						ex.getMessage());
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to push changes of {} to {} subscription(s)", notification.collection(),
						subscriptions.size(), ex);
			}
		});
	}

	private void deliver(ChangeNotification notification, DispatchGroup group, List<Subscription> subscriptions) {
		List<ItemChange> changes = notification.changes().stream().filter(group::concerns).toList();
		if (changes.isEmpty()) {
			return;
		}
		String collection = notification.collection();
		SnapshotView view = this.items.view(group.caller(), collection, group.query());
		List<Push> pushes = new GroupPushes(this.items, view, group, collection).of(changes)
			.stream()
			.filter(group::wants)
			.toList();
		if (pushes.isEmpty()) {
			return;
		}
		Map<String, Long> meta = meta(group, collection);
		for (Push push : pushes) {
			SubscriptionFrames.Frame frame = this.frames.frame(collection, push, group.item() != null, meta);
			for (Subscription subscription : subscriptions) {
				send(subscription.session(), frame.text(subscription.uid()));
			}
		}
	}

	/**
	 * The counts a subscription asked for with {@code meta}, as of now: one or two count
	 * queries per group and notification with pushes, whatever the number of sessions.
	 */
	private @Nullable Map<String, Long> meta(DispatchGroup group, String collection) {
		if (group.query().meta().isEmpty()) {
			return null;
		}
		return this.items.read(group.caller(), collection, group.query().withLimit(0)).meta();
	}

	private static void send(ClientSession session, String frame) {
		try {
			session.send(frame);
		}
		catch (RuntimeException ex) {
			logger.debug("Failed to send a push to session {}", session.id(), ex);
		}
	}

	/** Dispatches what is queued, then stops the stripes. */
	@Override
	public void close() {
		this.stripes.forEach(ThreadPoolExecutor::shutdown);
		try {
			for (ThreadPoolExecutor stripe : this.stripes) {
				if (!stripe.awaitTermination(5, TimeUnit.SECONDS)) {
					stripe.shutdownNow();
				}
			}
		}
		catch (InterruptedException ex) {
			this.stripes.forEach(ThreadPoolExecutor::shutdownNow);
			Thread.currentThread().interrupt();
		}
	}

}
