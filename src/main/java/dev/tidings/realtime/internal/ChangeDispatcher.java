package dev.tidings.realtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

import dev.tidings.errors.TidingsException;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.Cursor;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.items.SnapshotView;
import dev.tidings.security.Accountability;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
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
 * Per notification, only the index's shapes that can concern its changes are visited;
 * their open sessions with a caller are grouped by {@link DispatchGroup}; each group's
 * view is bound, its pushes decided and each frame serialised once, and the same string
 * goes to every session of the group with the same uid. A one-to-many alias a group shows
 * in full comes from the children's keys kept in a {@link ChildKeyIndex}, which hears of
 * each notification as it is accepted. A failing group is logged and never stops the
 * others. {@link ClientSession#send} must not block (the session buffers and writes on
 * its own), as the stripe's other sessions wait for it.
 * <p>
 * Groups shared by more sessions go first, so one socket's many subscriptions of its own
 * cannot delay a push that many others wait for. When a stripe falls behind (its backlog
 * reaches half its queue, or a notification waited longer than the allowed lag), the
 * sessions whose subscriptions took most of its time ({@link DispatchLoad}) are shed:
 * their subscriptions leave the index at once and they are closed (4500), so the stripe
 * catches up and everyone else keeps every push. Only when the queue is full anyway
 * (writes alone outrun the stripe) is a notification dropped, and then every session
 * subscribed to its collection is closed the same way: none of them is left with a silent
 * gap, and each can resume from the last cursor it received.
 * <p>
 * Each notification is observed as {@code tidings.change}, from its commit to the last
 * push handed to a socket, with the number of pushes. The observation starts on the
 * thread that publishes the notification, so with the local bus it is a child of whatever
 * that thread observes: the REST request that made the write, for instance.
 */
public final class ChangeDispatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ChangeDispatcher.class);

	private final SubscriptionIndex index;

	private final ItemsService items;

	private final ChildKeyIndex children;

	private final SubscriptionFrames frames = new SubscriptionFrames();

	private final List<Stripe> stripes = new ArrayList<>();

	private final ObservationRegistry observations;

	private final @Nullable String epoch;

	/**
	 * @param threads the number of stripes, each one thread named
	 * {@code tidings-dispatch-N}
	 * @param queueCapacity the notifications each stripe holds before it drops new ones;
	 * it sheds its heaviest sessions once half of them wait
	 * @param maxLag how long a notification may wait before its stripe sheds its heaviest
	 * sessions
	 * @param observations where each notification's {@code tidings.change} is observed
	 * @param epoch the change log's epoch, for the cursors of pushes; null without a log
	 */
	public ChangeDispatcher(SubscriptionIndex index, ItemsService items, int threads, int queueCapacity,
			Duration maxLag, ObservationRegistry observations, @Nullable String epoch) {
		this.index = index;
		this.items = items;
		this.children = new ChildKeyIndex(items::childKeys, System::nanoTime);
		this.observations = observations;
		this.epoch = epoch;
		AtomicInteger count = new AtomicInteger();
		for (int i = 0; i < threads; i++) {
			this.stripes.add(new Stripe(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(queueCapacity), (task) -> {
						Thread thread = new Thread(task, "tidings-dispatch-" + count.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					}), Math.max(1, queueCapacity / 2), maxLag.toNanos()));
		}
	}

	/**
	 * Enqueues the notification on its collection's stripe and returns at once. When the
	 * stripe is full the notification is dropped, and the collection's subscribers, who
	 * would miss it, are closed: writers are never slowed by subscribers.
	 */
	public void accept(ChangeNotification notification) {
		// before any later notification is dispatched, on whichever stripe
		this.children.changed(notification);
		Stripe stripe = stripe(notification.collection());
		Observation observation = Observation.createNotStarted("tidings.change", this.observations)
			.contextualName("tidings change " + notification.collection())
			.lowCardinalityKeyValue("collection", notification.collection())
			.highCardinalityKeyValue("changes", String.valueOf(notification.changes().size()))
			.start();
		try {
			long queuedAt = System.nanoTime();
			stripe.executor().execute(() -> dispatch(notification, stripe, queuedAt, observation));
		}
		catch (RejectedExecutionException ex) {
			Set<ClientSession> missing = this.index.sessions(notification.collection());
			logger.warn(
					"Dropped {} change(s) to {}: the dispatch queue is full or closed; closing the {} socket(s) "
							+ "subscribed to it, which resume from their last cursor",
					notification.changes().size(), notification.collection(), missing.size());
			missing.forEach(this::close);
			observation.error(ex);
			observation.stop();
		}
	}

	/**
	 * Replays the changes of a resumed subscription on its collection's stripe, so that
	 * they take their place among the live ones: {@code start} (registering the
	 * subscription, answering its {@code init}) runs after every change up to
	 * {@code upTo} was dispatched and before any later one; then the changes after
	 * {@code since} up to {@code upTo} go to this subscription alone, read page by page,
	 * each as its live push would have been, judged by the caller and query of now. A
	 * session whose missed changes cannot be read is closed (4500) rather than left with
	 * a gap.
	 * @param read the logged notifications of the collection after a sequence, in order
	 * @throws RejectedExecutionException when the stripe's queue is full
	 */
	public void replay(Subscription subscription, long since, long upTo, Runnable start,
			LongFunction<List<ChangeNotification>> read) {
		stripe(subscription.collection()).executor().execute(() -> {
			start.run();
			long after = since;
			while (after < upTo && subscription.session().isOpen()) {
				List<ChangeNotification> page;
				try {
					page = read.apply(after);
				}
				catch (RuntimeException ex) {
					// the client would go on with a gap: close it, so that it resumes
					// again
					logger.warn("Could not read the changes to replay to WebSocket {}; closing it",
							subscription.session().id(), ex);
					close(subscription.session());
					return;
				}
				if (page.isEmpty()) {
					return;
				}
				for (ChangeNotification logged : page) {
					List<ItemChange> changes = logged.changes()
						.stream()
						.filter((change) -> change.sequence() > since && change.sequence() <= upTo)
						.toList();
					after = logged.changes().get(logged.changes().size() - 1).sequence();
					replayed(subscription, logged.withChanges(changes));
				}
			}
		});
	}

	private void replayed(Subscription subscription, ChangeNotification notification) {
		Shape shape = Shape.of(subscription);
		List<ItemChange> changes = notification.changes().stream().filter(shape::concerns).toList();
		Accountability caller = subscription.session().caller();
		if (changes.isEmpty() || caller == null) {
			return;
		}
		deliverSafely(notification, new Batch(DispatchGroup.of(shape, caller), changes,
				new ArrayList<>(List.of(subscription)), new ArrayList<>(List.of(subscription.session()))));
	}

	/**
	 * Forgets the children's keys kept for pushes of parents: for when changes may have
	 * been missed, or made around Hibernate.
	 */
	public void forgetChildKeys() {
		this.children.clear();
	}

	/** The notifications waiting for dispatch, on every stripe. */
	public int queued() {
		int queued = 0;
		for (Stripe stripe : this.stripes) {
			queued += stripe.executor().getQueue().size();
		}
		return queued;
	}

	/**
	 * Completes once everything queued for the collection before it has been dispatched.
	 */
	CompletableFuture<Void> fence(String collection) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		stripe(collection).executor().execute(() -> done.complete(null));
		return done;
	}

	private Stripe stripe(String collection) {
		return this.stripes.get(Math.floorMod(collection.hashCode(), this.stripes.size()));
	}

	/**
	 * Dispatches on the stripe's thread, within the notification's observation, and stops
	 * it with the number of pushes handed to sockets.
	 */
	private void dispatch(ChangeNotification notification, Stripe stripe, long queuedAt, Observation observation) {
		int pushes = 0;
		try (Observation.Scope scope = observation.openScope()) {
			pushes = fanOut(notification, stripe, queuedAt);
		}
		finally {
			observation.highCardinalityKeyValue("pushes", String.valueOf(pushes));
			observation.stop();
		}
	}

	/**
	 * Delivers to every group, charging each group's sessions the time the group took;
	 * the number of pushes handed to sockets.
	 */
	private int fanOut(ChangeNotification notification, Stripe stripe, long queuedAt) {
		boolean late = System.nanoTime() - queuedAt > stripe.maxLag();
		List<Batch> batches = batches(notification);
		batches.sort(Comparator.comparingInt((Batch batch) -> batch.sessions().size()).reversed());
		boolean checked = false;
		int pushes = 0;
		for (Batch batch : batches) {
			long start = System.nanoTime();
			pushes += deliverSafely(notification, batch);
			stripe.load().charge(batch.sessions(), System.nanoTime() - start);
			if (!checked && stripe.backedUp()) {
				checked = true;
				shed(stripe);
			}
		}
		if (!checked && late) {
			shed(stripe);
		}
		if (stripe.executor().getQueue().isEmpty()) {
			stripe.load().reset();
		}
		return pushes;
	}

	/** The groups the notification reaches, each with its subscriptions and sessions. */
	private List<Batch> batches(ChangeNotification notification) {
		List<String> keys = notification.changes().stream().map((change) -> Shape.itemKey(change.key())).toList();
		List<Batch> batches = new ArrayList<>();
		this.index.forEachShape(notification.collection(), keys, (shape, members) -> {
			List<ItemChange> changes = notification.changes().stream().filter(shape::concerns).toList();
			if (changes.isEmpty()) {
				return;
			}
			Map<Accountability, Batch> byCaller = new LinkedHashMap<>();
			members.forEach((session, subscriptions) -> {
				Accountability caller = session.isOpen() ? session.caller() : null;
				if (caller != null) {
					Batch batch = byCaller.computeIfAbsent(caller, (key) -> new Batch(DispatchGroup.of(shape, key),
							changes, new ArrayList<>(), new ArrayList<>()));
					batch.subscriptions().addAll(subscriptions);
					batch.sessions().add(session);
				}
			});
			batches.addAll(byCaller.values());
		});
		return batches;
	}

	/**
	 * Takes the session's subscriptions out of the index at once, so nothing more is
	 * dispatched to it, and closes it with 4500 after what it was already sent.
	 */
	private void close(ClientSession session) {
		this.index.removeAll(session);
		session.shed();
	}

	private void shed(Stripe stripe) {
		List<ClientSession> heaviest = stripe.load().heaviest();
		for (ClientSession session : heaviest) {
			logger.warn("Shedding WebSocket {}: its subscriptions took {} ms of a backed-up dispatch thread",
					session.id(), Math.round(stripe.load().cost(session) / 1e6));
			close(session);
		}
		if (!heaviest.isEmpty()) {
			stripe.load().reset();
		}
	}

	/** The group's pushes, each counted once per session it is handed to. */
	private int deliverSafely(ChangeNotification notification, Batch batch) {
		try {
			return deliver(notification, batch);
		}
		catch (TidingsException ex) {
			// the caller may no longer read what it subscribed to: it gets nothing
			logger.debug("No push to {} subscription(s) on {}: {}", batch.subscriptions().size(),
					notification.collection(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to push changes of {} to {} subscription(s)", notification.collection(),
					batch.subscriptions().size(), ex);
		}
		return 0;
	}

	private int deliver(ChangeNotification notification, Batch batch) {
		List<Subscription> subscriptions = batch.subscriptions()
			.stream()
			.filter((subscription) -> subscription.session().isOpen())
			.toList();
		if (subscriptions.isEmpty()) {
			return 0;
		}
		DispatchGroup group = batch.group();
		String collection = notification.collection();
		SnapshotView view = this.items.view(group.caller(), collection, group.query());
		List<Push> pushes = new GroupPushes(this.items, this.children, view, group, collection).of(batch.changes())
			.stream()
			.filter(group::wants)
			.toList();
		if (pushes.isEmpty()) {
			return 0;
		}
		Map<String, Long> meta = meta(group, collection);
		for (Push push : pushes) {
			Cursor cursor = (this.epoch != null && push.sequence() > 0) ? new Cursor(this.epoch, push.sequence())
					: null;
			SubscriptionFrames.Frame frame = this.frames.frame(collection, push, group.item() != null, meta,
					notification.committedAt(), cursor);
			for (Subscription subscription : subscriptions) {
				send(subscription.session(), frame.forUid(subscription.uid()));
			}
		}
		return pushes.size() * subscriptions.size();
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

	private static void send(ClientSession session, PushFrame frame) {
		try {
			session.push(frame);
		}
		catch (RuntimeException ex) {
			logger.debug("Failed to send a push to session {}", session.id(), ex);
		}
	}

	/** Dispatches what is queued, then stops the stripes. */
	@Override
	public void close() {
		this.stripes.forEach((stripe) -> stripe.executor().shutdown());
		try {
			for (Stripe stripe : this.stripes) {
				if (!stripe.executor().awaitTermination(5, TimeUnit.SECONDS)) {
					stripe.executor().shutdownNow();
				}
			}
		}
		catch (InterruptedException ex) {
			this.stripes.forEach((stripe) -> stripe.executor().shutdownNow());
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One stripe: its thread and queue, and the work its sessions caused.
	 *
	 * @param shedAt the backlog at which the heaviest sessions are shed
	 * @param maxLag the wait, in nanoseconds, at which the heaviest sessions are shed
	 */
	private record Stripe(ThreadPoolExecutor executor, int shedAt, long maxLag, DispatchLoad load) {

		Stripe(ThreadPoolExecutor executor, int shedAt, long maxLag) {
			this(executor, shedAt, maxLag, new DispatchLoad());
		}

		boolean backedUp() {
			return this.executor.getQueue().size() >= this.shedAt;
		}

	}

	/** One group's share of a notification: the changes it concerns, who receives it. */
	private record Batch(DispatchGroup group, List<ItemChange> changes, List<Subscription> subscriptions,
			List<ClientSession> sessions) {

	}

}
