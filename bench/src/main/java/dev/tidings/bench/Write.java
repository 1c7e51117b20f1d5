package dev.tidings.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.tidings.bench.Semantics.Event;

/**
 * One REST write and what must follow it: the event each subscription kind must receive,
 * how many sessions that makes, and when they got it. Pushes may arrive before the REST
 * response is read; their arrival times wait here until it is.
 */
final class Write {

	final int seq;

	final Event op;

	final Item before;

	/** The state written; its id is filled in from the create's response. */
	volatile Item after;

	private final Map<Kind, Event> expected;

	private final int expectedPushes;

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicLong lastArrival = new AtomicLong();

	private final CountDownLatch complete;

	private final Latencies latencies;

	private volatile long respondedAt;

	private List<Long> early = new ArrayList<>();

	private boolean recorded;

	Write(int seq, Event op, Item before, Item after, Semantics semantics, Map<Kind, Integer> readers,
			Latencies latencies) {
		this.seq = seq;
		this.op = op;
		this.before = before;
		this.after = after;
		this.latencies = latencies;
		this.expected = new EnumMap<>(Kind.class);
		int pushes = 0;
		for (Kind kind : Kind.values()) {
			Event event = semantics.expected(kind, op, before, after);
			if (event != null) {
				this.expected.put(kind, event);
				pushes += readers.getOrDefault(kind, 0);
			}
		}
		this.expectedPushes = pushes;
		this.complete = new CountDownLatch((pushes == 0) ? 0 : 1);
	}

	Event expected(Kind kind) {
		return this.expected.get(kind);
	}

	int expectedPushes() {
		return this.expectedPushes;
	}

	int received() {
		return this.received.get();
	}

	/** The REST call returned at this moment (System.nanoTime). */
	void responded(long at) {
		List<Long> waiting;
		synchronized (this) {
			this.respondedAt = at;
			waiting = this.early;
			this.early = null;
		}
		waiting.forEach((arrival) -> this.latencies.delivery(arrival - at));
		completeIfDone();
	}

	/** An authorised push for this write reached a session. */
	void arrived(long at) {
		this.lastArrival.accumulateAndGet(at, Math::max);
		long responded = this.respondedAt;
		if (responded != 0) {
			this.latencies.delivery(at - responded);
		}
		else {
			synchronized (this) {
				if (this.early != null) {
					this.early.add(at);
				}
				else {
					this.latencies.delivery(at - this.respondedAt);
				}
			}
		}
		if (this.received.incrementAndGet() >= this.expectedPushes) {
			completeIfDone();
		}
	}

	private void completeIfDone() {
		synchronized (this) {
			if (this.recorded || this.respondedAt == 0 || this.received.get() < this.expectedPushes
					|| this.expectedPushes == 0) {
				return;
			}
			this.recorded = true;
		}
		this.latencies.last(this.lastArrival.get() - this.respondedAt);
		this.complete.countDown();
	}

	/** Waits until every expected push arrived; false on time-out. */
	boolean await(long millis) throws InterruptedException {
		return this.complete.await(millis, TimeUnit.MILLISECONDS);
	}

	long lastArrival() {
		return this.lastArrival.get();
	}

}
