package dev.tidings.realtime.internal;

import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * A connected client as the dispatcher sees it: who it is right now, and the one way to
 * send it frames. Implementations serialise sends per session (frames arrive in the order
 * they were handed over) and never block the caller for long: a client that stops reading
 * is closed, not waited for.
 */
public interface ClientSession {

	/** Unique among the open sessions of this instance. */
	String id();

	/**
	 * The caller whose permissions decide this session's pushes now, or null when it may
	 * receive nothing (not authenticated yet, token expired, user suspended or deleted).
	 * Cheap: backed by the security cache, checked before every push.
	 */
	@Nullable Accountability caller();

	/** Queues a push for this client, in order. */
	void push(PushFrame frame);

	boolean isOpen();

	/**
	 * Closes the session because its subscriptions overload the dispatcher; from now on
	 * it is not open and receives nothing.
	 */
	void shed();

}
