package dev.tidings.realtime.internal;

import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.query.Query;
import dev.tidings.schema.FieldValues;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * What decides a subscription's pushes, and so which subscriptions share them: the caller
 * (its user, roles and policies decide the grants and the values of the dynamic variables
 * in rules and filter), the query, the event and the item. Subscriptions with equal
 * groups receive the same frames, up to their uid.
 *
 * @param caller the session's caller now
 * @param query the subscription's query, without paging
 * @param event the only event pushed, or null for all
 * @param item the subscribed item's key as a string, or null for the collection
 */
record DispatchGroup(Accountability caller, Query query, @Nullable ChangeType event, @Nullable String item) {

	static DispatchGroup of(Subscription subscription, Accountability caller) {
		return new DispatchGroup(caller, unpaged(subscription.query()), subscription.event(), subscription.item());
	}

	/**
	 * Whether a change can produce a push for the group: its item, and a type that can
	 * turn into the event (an update can leave the query as a delete).
	 */
	boolean concerns(ItemChange change) {
		if (this.item != null && !this.item.equals(String.valueOf(FieldValues.toJson(change.key())))) {
			return false;
		}
		return this.event == null || this.event == change.type()
				|| (this.event == ChangeType.DELETE && change.type() == ChangeType.UPDATE);
	}

	boolean wants(Push push) {
		return this.event == null || this.event == push.event();
	}

	/**
	 * The query without {@code limit}, {@code offset} and {@code page}: they page the
	 * initial read and never suppress a push (unlike Directus, spec §18.4), so
	 * subscriptions differing only in them share their pushes.
	 */
	private static Query unpaged(Query query) {
		return new Query(query.fields(), query.filter(), query.sort(), null, null, null, query.search(), query.meta(),
				query.aggregate(), query.groupBy());
	}

}
