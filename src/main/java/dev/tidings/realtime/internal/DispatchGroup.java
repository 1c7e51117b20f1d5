package dev.tidings.realtime.internal;

import dev.tidings.events.ChangeType;
import dev.tidings.query.Query;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * What decides a subscription's pushes, and so which subscriptions share them: the caller
 * (its user, roles and policies decide the grants and the values of the dynamic variables
 * in rules and filter), the query, the event and the item. Subscriptions with equal
 * groups receive the same frames, up to their uid.
 *
 * @param caller the session's caller now
 * @param query the subscription's query, without paging (see {@link Shape})
 * @param event the only event pushed, or null for all
 * @param item the subscribed item's key as a string, or null for the collection
 */
record DispatchGroup(Accountability caller, Query query, @Nullable ChangeType event, @Nullable String item) {

	static DispatchGroup of(Shape shape, Accountability caller) {
		return new DispatchGroup(caller, shape.query(), shape.event(), shape.item());
	}

	boolean wants(Push push) {
		return this.event == null || this.event == push.event();
	}

}
