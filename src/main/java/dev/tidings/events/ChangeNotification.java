package dev.tidings.events;

import java.util.List;

/**
 * Everything one committed transaction changed in one collection, in the order the
 * changes were flushed.
 *
 * @param collection the collection's name
 * @param changes the item changes, in order
 */
public record ChangeNotification(String collection, List<ItemChange> changes) {

	public ChangeNotification {
		changes = List.copyOf(changes);
	}

}
