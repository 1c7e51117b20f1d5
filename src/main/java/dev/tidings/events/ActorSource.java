package dev.tidings.events;

/**
 * Tells the recorder who is making the changes of the current thread's transaction. The
 * port through which the module that knows callers (security, the REST request, the
 * socket) reaches the events without the events depending on it.
 */
@FunctionalInterface
public interface ActorSource {

	/** Knows no caller: every change is the system's. */
	ActorSource SYSTEM = () -> Actor.SYSTEM;

	/** Who acts on this thread now. */
	Actor current();

}
