package dev.tidings.realtime.internal;

import dev.tidings.events.ChangeType;
import dev.tidings.query.Query;
import org.jspecify.annotations.Nullable;

/**
 * One {@code subscribe} of one session.
 *
 * @param session the subscribing session
 * @param uid the client's id for it, echoed in every push; null for none
 * @param collection the collection subscribed to
 * @param query the subscription's query (fields, filter, search…), parsed but unbound:
 * dynamic variables bind per push to the session's current caller
 * @param event the only event pushed, or null for all three
 * @param item the single item subscribed to, as a string key, or null for the collection
 */
public record Subscription(ClientSession session, @Nullable String uid, String collection, Query query,
		@Nullable ChangeType event, @Nullable String item) {

}
