package dev.tidings.realtime.internal;

/**
 * A request past one of the socket's limits (subscriptions, query size): answered with
 * {@code LIMIT_EXCEEDED} in the request's type, and the socket stays open.
 */
final class LimitExceeded extends RuntimeException {

	private static final long serialVersionUID = 1L;

	LimitExceeded(String message) {
		super(message, null, false, false);
	}

}
