package dev.tidings.events;

import java.util.function.Consumer;

/**
 * Carries committed changes to whoever pushes them. Local by default; the cluster module
 * replaces it with one that goes through Redis, so every instance delivers each change
 * exactly once.
 */
public interface ChangeBus {

	/** Hands over one committed transaction's changes to one collection. */
	void publish(ChangeNotification notification);

	/** Registers a receiver of every published notification, in publication order. */
	void subscribe(Consumer<ChangeNotification> receiver);

}
