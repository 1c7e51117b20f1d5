package dev.tidings.errors;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * 429 {@code REQUESTS_EXCEEDED}: the caller must wait. Carries the wait so an adapter can
 * send a {@code Retry-After} header; the envelope carries {@code limit} and {@code reset}
 * as Directus's does.
 */
public class RequestsExceededException extends TidingsException {

	private final Duration retryAfter;

	public RequestsExceededException(int limit, Instant now, Instant reset) {
		super(new TidingsError(ErrorCode.REQUESTS_EXCEEDED,
				"Too many requests, retry after " + humanised(Duration.between(now, reset)) + ".",
				Map.of("limit", limit, "reset", reset.toString())));
		this.retryAfter = Duration.between(now, reset);
	}

	/** How long the caller must wait, never negative. */
	public Duration retryAfter() {
		return this.retryAfter.isNegative() ? Duration.ZERO : this.retryAfter;
	}

	/** As the {@code ms} library's long format: "1 minute", "30 seconds", "2 hours". */
	static String humanised(Duration wait) {
		long ms = Math.max(0, wait.toMillis());
		long[] units = { 86_400_000, 3_600_000, 60_000, 1_000 };
		String[] names = { "day", "hour", "minute", "second" };
		for (int i = 0; i < units.length; i++) {
			if (ms >= units[i]) {
				long count = Math.round((double) ms / units[i]);
				return count + " " + names[i] + ((ms >= units[i] * 1.5) ? "s" : "");
			}
		}
		return ms + " ms";
	}

}
