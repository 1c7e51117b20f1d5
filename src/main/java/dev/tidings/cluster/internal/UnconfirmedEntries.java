package dev.tidings.cluster.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.tidings.events.ChangeNotification;
import org.jspecify.annotations.Nullable;

/**
 * This instance's entries that Redis has not yet given back to it, oldest first: those
 * still to send, and those sent but not yet read back from the stream (Redis may lose
 * them if it stops before they are read). An entry leaves when this instance reads it
 * back, so after an outage everything in here is sent again. Bounded: the oldest entry
 * makes room for a new one. Not thread-safe: the {@link Relay} guards it.
 */
final class UnconfirmedEntries {

	private final int capacity;

	private final Deque<Pending> sent = new ArrayDeque<>();

	private final Deque<Pending> unsent = new ArrayDeque<>();

	UnconfirmedEntries(int capacity) {
		this.capacity = Math.max(1, capacity);
	}

	/** Appends the entry; returns the oldest one if it had to go to make room. */
	@Nullable Pending add(Pending pending) {
		Pending dropped = null;
		if (size() >= this.capacity) {
			dropped = (!this.sent.isEmpty()) ? this.sent.removeFirst() : this.unsent.removeFirst();
		}
		this.unsent.addLast(pending);
		return dropped;
	}

	/**
	 * Whether the last entry is an invalidation still to send, which covers a new one.
	 */
	boolean endsWithUnsentInvalidation() {
		Pending last = this.unsent.peekLast();
		return last != null && last.entry().kind() == Entry.Kind.INVALIDATION;
	}

	/** The oldest entry still to send, now counted as sent; null if none. */
	@Nullable Pending nextToSend() {
		Pending next = this.unsent.pollFirst();
		if (next != null) {
			this.sent.addLast(next);
		}
		return next;
	}

	boolean hasUnsent() {
		return !this.unsent.isEmpty();
	}

	/**
	 * The connection was lost: whatever was sent may not have arrived, so send it again.
	 */
	void resendAll() {
		while (!this.sent.isEmpty()) {
			this.unsent.addFirst(this.sent.removeLast());
		}
	}

	/** Removes and returns, oldest first, the entries up to the given sequence number. */
	List<Pending> readBack(long sequence) {
		List<Pending> done = new ArrayList<>();
		for (Deque<Pending> queue : List.of(this.sent, this.unsent)) {
			while (!queue.isEmpty() && queue.peekFirst().entry().sequence() <= sequence) {
				done.add(queue.removeFirst());
			}
		}
		return done;
	}

	/** Every entry, oldest first. */
	List<Pending> all() {
		List<Pending> all = new ArrayList<>(this.sent);
		all.addAll(this.unsent);
		return all;
	}

	int capacity() {
		return this.capacity;
	}

	int size() {
		return this.sent.size() + this.unsent.size();
	}

	/**
	 * An entry of this instance and, for a change, the notification its local receivers
	 * get exactly once: from the stream, or directly while Redis is unreachable.
	 */
	static final class Pending {

		private final Entry entry;

		private final @Nullable ChangeNotification notification;

		private boolean delivered;

		Pending(Entry entry, @Nullable ChangeNotification notification) {
			this.entry = entry;
			this.notification = notification;
			// an invalidation has already taken effect here: it was raised here
			this.delivered = (notification == null);
		}

		Entry entry() {
			return this.entry;
		}

		@Nullable ChangeNotification notification() {
			return this.notification;
		}

		boolean delivered() {
			return this.delivered;
		}

		void markDelivered() {
			this.delivered = true;
		}

	}

}
