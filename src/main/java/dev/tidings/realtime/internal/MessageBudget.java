package dev.tidings.realtime.internal;

/**
 * A token bucket of messages per connection: {@code rate} messages a second, bursts of as
 * many. Touched by the socket's own reading thread only.
 */
final class MessageBudget {

	private final int rate;

	private final long nanosPerToken;

	private double tokens;

	private long last;

	MessageBudget(int rate, long now) {
		this.rate = rate;
		this.nanosPerToken = (rate > 0) ? 1_000_000_000L / rate : 0;
		this.tokens = rate;
		this.last = now;
	}

	/** Takes one message; false when the budget is exhausted (or 0 means unlimited). */
	synchronized boolean take(long now) {
		if (this.rate <= 0) {
			return true;
		}
		this.tokens = Math.min(this.rate, this.tokens + (double) (now - this.last) / this.nanosPerToken);
		this.last = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

	/** How long until the next message is allowed, in milliseconds. */
	synchronized long retryAfterMillis() {
		double missing = Math.max(0, 1 - this.tokens);
		return Math.max(1, (long) Math.ceil(missing * this.nanosPerToken / 1_000_000.0));
	}

}
