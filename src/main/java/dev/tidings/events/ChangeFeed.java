package dev.tidings.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed changes in the order of the {@link ChangeLog}, each exactly once, from the
 * moment the feed starts: what the bus brings, put back in order, and whatever it does
 * not bring (a publication cut short by a crash, an instance that published while Redis
 * was away) read from the log once it is overdue.
 * <p>
 * The feed subscribes to the bus before it reads where the log ends, so every change
 * committed after that point reaches it, through the bus or the log: an instance is ready
 * to serve subscriptions once the feed has started. Receivers are called under the feed's
 * lock, in order, and must only hand the notification on.
 */
public final class ChangeFeed implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ChangeFeed.class);

	private static final int PAGE = 500;

	private final ChangeBus bus;

	private final ChangeLog log;

	private final long overdueNanos;

	private final Duration poll;

	private final Duration pruneInterval;

	/** Hands each delivered change to the receivers, as a local bus does. */
	private final LocalChangeBus receivers = new LocalChangeBus();

	/** The latest delivered notifications, oldest first, for resumes. */
	private final ArrayDeque<ChangeNotification> recent = new ArrayDeque<>();

	private final int recentLimit;

	private int recentChanges;

	/** The last sequence no longer in {@link #recent}: memory holds every later one. */
	private long forgotten = -1;

	/** Arrived ahead of their turn, by their first sequence. */
	private final TreeMap<Long, ChangeNotification> early = new TreeMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tidings-change-feed");
		thread.setDaemon(true);
		return thread;
	});

	private long delivered = -1;

	/** Since when the feed has known it is behind the log, or 0. */
	private long behindSince;

	/**
	 * Whether a check of the log is already due, so that arrivals do not pile them up.
	 */
	private boolean checkDue;

	/**
	 * @param overdue how long a change may be missing before it is read from the log
	 * @param poll how often the log's end is checked, so that a change nobody published
	 * is still delivered
	 * @param pruneInterval how often what lies beyond the log's retention is removed
	 * @param recentInMemory how many of the latest changes to keep in memory for resumes
	 */
	public ChangeFeed(ChangeBus bus, ChangeLog log, Duration overdue, Duration poll, Duration pruneInterval,
			int recentInMemory) {
		this.bus = bus;
		this.recentLimit = recentInMemory;
		this.log = log;
		this.overdueNanos = overdue.toNanos();
		this.poll = poll;
		this.pruneInterval = pruneInterval;
	}

	/** Registers a receiver of every change from now on, in log order. */
	public void subscribe(Consumer<ChangeNotification> receiver) {
		this.receivers.subscribe(receiver);
	}

	/** Starts receiving: everything committed from now on will be delivered. */
	public void start() {
		this.bus.subscribe(this::arrived);
		long end = this.log.last();
		synchronized (this) {
			this.delivered = end;
			this.forgotten = end;
		}
		this.timer.scheduleWithFixedDelay(this::checkTheLog, this.poll.toMillis(), this.poll.toMillis(),
				TimeUnit.MILLISECONDS);
		this.timer.scheduleWithFixedDelay(this::prune, this.pruneInterval.toMillis(), this.pruneInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void prune() {
		try {
			this.log.prune();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not remove old changes from the change log", ex);
		}
	}

	/** The sequence of the last change delivered. */
	public synchronized long delivered() {
		return this.delivered;
	}

	/**
	 * Waits until the feed has delivered every change up to the sequence, at most as long
	 * as a committed change can take to arrive here when the bus loses it (overdue, and a
	 * poll of the log's end): a cursor another instance handed out a moment ago may be
	 * ahead of this feed.
	 * @return whether the feed got there
	 */
	public synchronized boolean awaitDelivered(long sequence) throws InterruptedException {
		long deadline = System.nanoTime() + this.overdueNanos + this.poll.toNanos();
		while (this.delivered < sequence) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return true;
	}

	/**
	 * The delivered notifications of the collection that hold changes after the sequence,
	 * in order, from memory; null when memory no longer reaches back that far (read the
	 * log instead).
	 */
	public synchronized @Nullable List<ChangeNotification> recent(String collection, long after) {
		if (this.forgotten < 0 || after < this.forgotten) {
			return null;
		}
		List<ChangeNotification> found = new ArrayList<>();
		Iterator<ChangeNotification> newestFirst = this.recent.descendingIterator();
		while (newestFirst.hasNext()) {
			ChangeNotification notification = newestFirst.next();
			if (last(notification) <= after) {
				break;
			}
			if (notification.collection().equals(collection)) {
				found.add(notification);
			}
		}
		Collections.reverse(found);
		return found;
	}

	/**
	 * Where the feed stands: the cursor of the last change delivered, or null until it
	 * has started, when this instance is not yet sure to receive every change.
	 */
	public @Nullable Cursor position() {
		long sequence = delivered();
		return (sequence < 0) ? null : this.log.cursor(sequence);
	}

	/**
	 * Runs the action with the sequence of the last change delivered, while nothing else
	 * is delivered: what the action hands on takes its place between the changes up to
	 * that sequence and the later ones.
	 */
	public synchronized <T> T atDelivered(LongFunction<T> action) {
		return action.apply(this.delivered);
	}

	private synchronized void arrived(ChangeNotification notification) {
		if (notification.changes().isEmpty()) {
			return;
		}
		long first = notification.changes().get(0).sequence();
		long last = last(notification);
		if (first == 0 || this.delivered < 0) {
			// not logged (no log on the writer's side), or before the feed started
			if (first == 0) {
				deliver(notification);
			}
			return;
		}
		if (last <= this.delivered) {
			return;
		}
		if (first == this.delivered + 1) {
			deliver(notification);
			drainEarly();
			return;
		}
		this.early.put(first, notification);
		if (this.behindSince == 0) {
			this.behindSince = System.nanoTime();
		}
		checkIn(this.overdueNanos);
	}

	private void checkIn(long nanos) {
		if (!this.checkDue) {
			this.checkDue = true;
			this.timer.schedule(this::dueCheck, nanos, TimeUnit.NANOSECONDS);
		}
	}

	private void dueCheck() {
		synchronized (this) {
			this.checkDue = false;
		}
		checkTheLog();
	}

	/**
	 * Reads from the log what has been missing for too long, as the bus did not bring it.
	 */
	private void checkTheLog() {
		try {
			long end = this.log.last();
			synchronized (this) {
				if (end <= this.delivered) {
					this.behindSince = 0;
					return;
				}
				long now = System.nanoTime();
				if (this.behindSince == 0) {
					this.behindSince = now;
				}
				long missingFor = now - this.behindSince;
				if (missingFor < this.overdueNanos) {
					checkIn(this.overdueNanos - missingFor);
					return;
				}
				fillFromTheLog(end);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the change log to complete the feed", ex);
		}
	}

	private void fillFromTheLog(long end) {
		while (this.delivered < end) {
			List<ChangeNotification> logged = this.log.after(this.delivered, PAGE);
			if (logged.isEmpty()) {
				break;
			}
			for (ChangeNotification notification : logged) {
				long first = notification.changes().get(0).sequence();
				if (first == this.delivered + 1) {
					this.early.remove(first);
					deliver(notification);
				}
			}
			drainEarly();
		}
		logger.info("Delivered changes up to {} from the change log, as they had not arrived", this.delivered);
		this.behindSince = this.early.isEmpty() ? 0 : System.nanoTime();
	}

	private void drainEarly() {
		while (!this.early.isEmpty()) {
			Map.Entry<Long, ChangeNotification> next = this.early.firstEntry();
			if (next.getKey() > this.delivered + 1) {
				return;
			}
			this.early.pollFirstEntry();
			if (last(next.getValue()) > this.delivered) {
				deliver(next.getValue());
			}
		}
		this.behindSince = 0;
	}

	private void deliver(ChangeNotification notification) {
		long last = last(notification);
		if (last > 0) {
			this.delivered = last;
			remember(notification);
			notifyAll();
		}
		this.receivers.publish(notification);
	}

	private void remember(ChangeNotification notification) {
		if (this.recentLimit <= 0) {
			this.forgotten = this.delivered;
			return;
		}
		this.recent.addLast(notification);
		this.recentChanges += notification.changes().size();
		while (this.recentChanges > this.recentLimit) {
			ChangeNotification oldest = this.recent.removeFirst();
			this.recentChanges -= oldest.changes().size();
			this.forgotten = last(oldest);
		}
	}

	private static long last(ChangeNotification notification) {
		return notification.changes().get(notification.changes().size() - 1).sequence();
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
