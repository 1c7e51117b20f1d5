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
 */
public record ChangeNotification(String collection, List<ItemChange> changes, Instant committedAt) {

	public ChangeNotification {
		changes = List.copyOf(changes);
	}

}
