package dev.tidings.realtime.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection limit, counted from the moment an upgrade passes the check rather than
 * from the socket's registration: a client opening sockets back to back would otherwise
 * see each new handshake checked before the previous socket was counted, and get past the
 * limit.
 */
final class ConnectionSlots {

	private final int limit;

	private final AtomicInteger taken = new AtomicInteger();

	/**
	 * @param limit the most sockets at once; 0 or less for no limit
	 */
	ConnectionSlots(int limit) {
		this.limit = limit;
	}

	/** Takes a slot for an upgrade, unless all are taken. */
	boolean tryTake() {
		if (this.limit <= 0) {
			this.taken.incrementAndGet();
			return true;
		}
		int current;
		do {
			current = this.taken.get();
			if (current >= this.limit) {
				return false;
			}
		}
		while (!this.taken.compareAndSet(current, current + 1));
		return true;
	}

	/** Gives back the slot of a refused upgrade or a closed socket. */
	void release() {
		this.taken.decrementAndGet();
	}

}
