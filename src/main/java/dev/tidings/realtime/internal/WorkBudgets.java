package dev.tidings.realtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much CPU time each owner's messages may take on the thread that handles them: a
 * bucket per owner (a user, or an anonymous client's address; see {@link SocketOwners})
 * filled at {@code perSecond} of work every second, holding at most
 * {@value #BURST_SECONDS} seconds' worth, so a client that opens its subscriptions all at
 * once on a cold server is served. A message is handled while the owner's bucket is not
 * empty and its time is taken afterwards, so the bucket may run into debt once; further
 * messages of every socket of that owner are refused until the debt is repaid. The
 * per-socket message rate bounds how often a client may ask; this bounds what its asking
 * may cost, whatever the number of its sockets: a subscribe whose filter takes the
 * database 50 ms counts fifty times a ping.
 */
final class WorkBudgets {

	static final int BURST_SECONDS = 5;

	private final long perSecond;

	private final long capacity;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * @param perSecond the work each owner may cause in a second; zero or less for no
	 * limit
	 */
	WorkBudgets(Duration perSecond) {
		this.perSecond = perSecond.toNanos();
		this.capacity = this.perSecond * BURST_SECONDS;
	}

	/**
	 * Zero when the owner may send now, else how many milliseconds until its debt is
	 * repaid.
	 */
	long waitMillis(String owner, long now) {
		if (this.perSecond <= 0) {
			return 0;
		}
		long[] wait = { 0 };
		// a bucket that has refilled is forgotten, so idle owners cost no memory
		this.buckets.computeIfPresent(owner, (key, bucket) -> {
			double balance = bucket.balance(now, this.perSecond, this.capacity);
			if (balance >= this.capacity) {
				return null;
			}
			if (balance <= 0) {
				wait[0] = Math.max(1, (long) Math.ceil(-balance / this.perSecond * 1000));
			}
			return bucket;
		});
		return wait[0];
	}

	/** Takes the time one of the owner's messages took from its bucket. */
	void spend(String owner, long nanos, long now) {
		if (this.perSecond <= 0) {
			return;
		}
		this.buckets.compute(owner, (key, bucket) -> {
			Bucket current = (bucket != null) ? bucket : new Bucket(this.capacity, now);
			current.balance(now, this.perSecond, this.capacity);
			current.tokens -= nanos;
			return current;
		});
	}

	/** Only touched inside the map's compute, one owner at a time. */
	private static final class Bucket {

		private double tokens;

		private long last;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.last = now;
		}

		double balance(long now, long perSecond, long capacity) {
			this.tokens = Math.min(capacity, this.tokens + (now - this.last) * (perSecond / 1e9));
			this.last = now;
			return this.tokens;
		}

	}

}
