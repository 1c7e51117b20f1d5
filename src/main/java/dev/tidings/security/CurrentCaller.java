package dev.tidings.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Who the work on this thread is done for: set by the items service around every write
 * (so the REST request's or the WebSocket message's caller), and by host code that acts
 * for a Tidings caller; with where the work comes from, set by the transport.
 * {@link TidingsAuditor} reads it to fill Spring Data's {@code @CreatedBy} and
 * {@code @LastModifiedBy}. Bound to the thread, as the write's transaction and its flush
 * are.
 */
public final class CurrentCaller {

	private static final ThreadLocal<@Nullable Accountability> current = new ThreadLocal<>();

	private static final ThreadLocal<Sessions.@Nullable Client> client = new ThreadLocal<>();

	private CurrentCaller() {
	}

	/** The caller set on this thread, if any. */
	public static Optional<Accountability> get() {
		return Optional.ofNullable(current.get());
	}

	/** Runs the work for the caller, then restores whoever was set before. */
	public static <T> T as(Accountability who, Supplier<T> work) {
		Accountability previous = current.get();
		current.set(who);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				current.set(previous);
			}
			else {
				current.remove();
			}
		}
	}

	/** Runs the work for the caller, then restores whoever was set before. */
	public static void as(Accountability who, Runnable work) {
		as(who, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Where the work on this thread comes from (the request's or the socket handshake's
	 * address, user agent and origin), which the activity log records beside the caller.
	 */
	public static Optional<Sessions.Client> client() {
		return Optional.ofNullable(client.get());
	}

	/**
	 * Sets where the work on this thread comes from, for a request whose work spans
	 * several calls; null forgets it, which its end must do.
	 */
	public static void comingFrom(Sessions.@Nullable Client where) {
		if (where != null) {
			client.set(where);
		}
		else {
			client.remove();
		}
	}

}
