package dev.tidings.realtime.internal;

import java.util.Locale;

import dev.tidings.errors.TidingsException;
import dev.tidings.events.ChangeType;
import dev.tidings.events.Cursor;
import dev.tidings.items.ItemsService;
import dev.tidings.items.ReadResult;
import dev.tidings.query.Query;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * {@code subscribe} (docs/protocol.md): validates the collection, query, event and item,
 * registers the subscription <em>before</em> reading its {@code init}, so a change
 * committed meanwhile arrives in the init, as an event, or both, never in neither. A
 * failed init read removes the new subscription and restores one it replaced (Directus
 * removes the old one first and can lose both). An {@code event} subscription has no init
 * data but is still checked for read permission (Directus checks nothing, so anyone could
 * learn the keys of deleted items). A socket holds at most
 * {@code max-subscriptions-per-socket}: one more is answered {@code LIMIT_EXCEEDED}
 * (re-subscribing with a uid it holds replaces, and always passes).
 * <p>
 * With {@code since}, a cursor the change log still covers resumes the subscription
 * ({@link Resumption}); any other is answered with a fresh {@code init} marked
 * {@code resumed: false}, so the client rebuilds its state instead of missing changes.
 */
final class SubscribeHandler implements MessageHandler<ClientMessage.Subscribe> {

	private final SchemaRegistry schemas;

	private final ItemsService items;

	private final SubscriptionIndex index;

	private final MessageQueries queries;

	private final int maxPerSocket;

	private final @Nullable Resumption resumption;

	/**
	 * @param maxPerSocket the most subscriptions a socket may hold; 0 or less for no
	 * limit
	 * @param resumption cursors and {@code since}, when there is a change log; or null
	 */
	SubscribeHandler(SchemaRegistry schemas, ItemsService items, SubscriptionIndex index, MessageQueries queries,
			int maxPerSocket, @Nullable Resumption resumption) {
		this.resumption = resumption;
		this.maxPerSocket = maxPerSocket;
		this.schemas = schemas;
		this.items = items;
		this.index = index;
		this.queries = queries;
	}

	@Override
	public Class<ClientMessage.Subscribe> handles() {
		return ClientMessage.Subscribe.class;
	}

	@Override
	public void handle(SocketSession session, ClientMessage.Subscribe message) {
		String collection = message.collection();
		if (collection == null || collection.isEmpty()) {
			throw TidingsException.invalidPayload("\"collection\" is required");
		}
		if (collection.equals("directus_extensions")) {
			throw TidingsException.invalidPayload("Subscribing to \"directus_extensions\" is not supported");
		}
		if (message.item() != null
				&& (collection.equals("directus_fields") || collection.equals("directus_relations"))) {
			throw TidingsException.invalidPayload("Subscribing to one item of \"" + collection + "\" is not supported");
		}
		ChangeType event = event(message.event());
		String item = item(message.item());
		Accountability caller = Callers.require(session);
		this.schemas.require(collection);
		Query query = this.queries.parse(message.query());
		String uid = ProtocolCodec.uidText(message.uid());
		Subscription subscription = new Subscription(session, uid, collection, query, event, item);
		Subscription replaced = (uid != null) ? this.index.find(session, uid) : null;
		if (replaced == null && this.maxPerSocket > 0 && this.index.count(session) >= this.maxPerSocket) {
			throw new LimitExceeded("Too many subscriptions: at most " + this.maxPerSocket + " per socket.");
		}
		Cursor since = (message.since() != null && this.resumption != null) ? this.resumption.honoured(message.since())
				: null;
		if (since != null) {
			// the caller must be able to read the collection at all
			this.items.read(caller, collection, query.withLimit(0));
			this.resumption.resume(session, subscription, since);
			return;
		}
		Boolean resumed = (message.since() != null) ? Boolean.FALSE : null;
		if (event != null) {
			// no init data, but the caller must be able to read the collection at all
			this.items.read(caller, collection, query.withLimit(0));
			String cursor = cursor();
			this.index.add(subscription);
			session.reply(new ServerMessage.Subscription("init", null, null, uid, cursor, resumed));
			return;
		}
		String cursor = cursor();
		this.index.add(subscription);
		ServerMessage.Subscription init;
		try {
			init = init(caller, subscription, cursor, resumed);
		}
		catch (RuntimeException ex) {
			this.index.remove(subscription);
			if (replaced != null) {
				this.index.add(replaced);
			}
			throw ex;
		}
		session.reply(init);
	}

	/**
	 * The init's data, read after the subscription is registered; its cursor was taken
	 * before: every change up to it is in the data, and a later one may be too.
	 */
	private ServerMessage.Subscription init(Accountability caller, Subscription subscription, @Nullable String cursor,
			@Nullable Boolean resumed) {
		if (subscription.item() != null) {
			Object data = this.items.readOne(caller, subscription.collection(), subscription.item(),
					subscription.query());
			return new ServerMessage.Subscription("init", data, null, subscription.uid(), cursor, resumed);
		}
		ReadResult result = this.items.read(caller, subscription.collection(), subscription.query());
		return new ServerMessage.Subscription("init", result.data(), result.meta().isEmpty() ? null : result.meta(),
				subscription.uid(), cursor, resumed);
	}

	private @Nullable String cursor() {
		return (this.resumption != null) ? this.resumption.cursor() : null;
	}

	private static @Nullable ChangeType event(@Nullable String event) {
		if (event == null) {
			return null;
		}
		return switch (event) {
			case "create", "update", "delete" -> ChangeType.valueOf(event.toUpperCase(Locale.ROOT));
			default -> throw TidingsException.invalidPayload("\"event\" must be one of [create, update, delete]");
		};
	}

	private static @Nullable String item(@Nullable Object item) {
		if (item == null) {
			return null;
		}
		if (!(item instanceof String) && !(item instanceof Number)) {
			throw TidingsException.invalidPayload("\"item\" must be a string or a number");
		}
		return ProtocolCodec.uidText(item);
	}

}
