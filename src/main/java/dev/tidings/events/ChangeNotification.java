package dev.tidings.events;

import java.time.Instant;
import java.util.List;

/**
 * Everything one committed transaction changed in one collection, in the order the
 * changes were flushed.
 *
 * @param collection the collection's name
 * @param changes the item changes, in order
 * @param committedAt when the transaction committed, as the publishing instance's clock
 * saw it; what the time a push took is measured from
 * @param actor who made the changes; {@link Actor#SYSTEM} for host code without a caller
 */
public record ChangeNotification(String collection, List<ItemChange> changes, Instant committedAt, Actor actor) {

	public ChangeNotification {
		changes = List.copyOf(changes);
	}

	/** Changes made by the system, or recorded without their actor. */
	public ChangeNotification(String collection, List<ItemChange> changes, Instant committedAt) {
		this(collection, changes, committedAt, Actor.SYSTEM);
	}

	/** The same changes, committed at the given time. */
	public ChangeNotification at(Instant time) {
		return new ChangeNotification(this.collection, this.changes, time, this.actor);
	}

	/** The same notification with other changes (the same, numbered; or a subset). */
	public ChangeNotification withChanges(List<ItemChange> others) {
		return new ChangeNotification(this.collection, others, this.committedAt, this.actor);
	}

	/** The same changes, made by the given actor. */
	public ChangeNotification by(Actor who) {
		return new ChangeNotification(this.collection, this.changes, this.committedAt, who);
	}

}
