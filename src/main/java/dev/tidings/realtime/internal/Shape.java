package dev.tidings.realtime.internal;

import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.query.Query;
import dev.tidings.schema.FieldCodec;
import org.jspecify.annotations.Nullable;

/**
 * What decides a subscription's pushes apart from the caller: the query without paging,
 * the event and the item. The index keeps subscriptions by shape, so a change visits each
 * shape once and subscriptions that differ only in paging or uid share their pushes.
 *
 * @param query the subscription's query without {@code limit}, {@code offset} and
 * {@code page}: they page the initial read and never suppress a push (unlike Directus;
 * docs/protocol.md, "Pushes")
 * @param event the only event pushed, or null for all
 * @param item the subscribed item's key as a string, or null for the collection
 */
record Shape(Query query, @Nullable ChangeType event, @Nullable String item) {

	/**
	 * Whether a change can produce a push for the shape: its item, and a type that can
	 * turn into the event (an update can leave the query as a delete).
	 */
	boolean concerns(ItemChange change) {
		if (this.item != null && !this.item.equals(itemKey(change.key()))) {
			return false;
		}
		return this.event == null || this.event == change.type()
				|| (this.event == ChangeType.DELETE && change.type() == ChangeType.UPDATE);
	}

	/**
	 * An item's key as an item subscription names it, whichever Java type carries it (the
	 * index of children's keys names parents the same way).
	 */
	static String itemKey(Object key) {
		return String.valueOf(FieldCodec.wire(key));
	}

	static Shape of(Subscription subscription) {
		Query query = subscription.query();
		return new Shape(query.withPaging(null, null, null), subscription.event(), subscription.item());
	}

}
