package dev.tidings.realtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.items.ReadResult;
import dev.tidings.query.Query;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * {@code items}: create, read, update and delete over the socket through the same items
 * service as REST, with the socket's current caller. Replies are
 * {@code {"type":"items","data":…,"uid":…}}; system collections are refused as in
 * Directus. Unlike Directus, an update by id honours {@code query} in its reply, and an
 * update with neither id, ids, array nor query is refused instead of updating the first
 * hundred items. On a singleton, a read or an update naming no item reads or upserts its
 * one item as an object, as REST does.
 */
final class ItemsHandler implements MessageHandler<ClientMessage.Items> {

	private final SchemaRegistry schemas;

	private final ItemsService items;

	private final MessageQueries queries;

	ItemsHandler(SchemaRegistry schemas, ItemsService items, MessageQueries queries) {
		this.schemas = schemas;
		this.items = items;
		this.queries = queries;
	}

	@Override
	public Class<ClientMessage.Items> handles() {
		return ClientMessage.Items.class;
	}

	@Override
	public void handle(SocketSession session, ClientMessage.Items message) {
		String collection = message.collection();
		if (collection == null || collection.isEmpty()) {
			throw TidingsException.invalidPayload("\"collection\" is required");
		}
		if (collection.startsWith("directus_")) {
			session.reply(new ServerMessage.ErrorReply("items", message.uid(), "INVALID_COLLECTION",
					"Cannot trigger an action on a system collection."));
			return;
		}
		Accountability caller = Callers.require(session);
		CollectionSchema schema = this.schemas.require(collection);
		Query query = this.queries.parse(message.query());
		String action = (message.action() != null) ? message.action() : "";
		ServerMessage.Items reply = switch (action) {
			case "create" -> create(caller, collection, message, query);
			case "read" -> read(caller, schema, message, query);
			case "update" -> update(caller, schema, message, query);
			case "delete" -> delete(caller, schema, message, query);
			default ->
				throw TidingsException.invalidPayload("\"action\" must be one of [create, read, update, delete]");
		};
		session.reply(reply);
	}

	private ServerMessage.Items create(Accountability caller, String collection, ClientMessage.Items message,
			Query query) {
		if (message.data() instanceof List<?> list) {
			List<Object> keys = this.items.create(caller, collection, objects(list));
			return reply(readBack(caller, collection, keys, query), message);
		}
		List<Object> keys = this.items.create(caller, collection, List.of(object(message.data())));
		return reply(first(readBack(caller, collection, keys, query)), message);
	}

	private ServerMessage.Items read(Accountability caller, CollectionSchema schema, ClientMessage.Items message,
			Query query) {
		String collection = schema.name();
		if (present(message.id())) {
			return reply(this.items.readOne(caller, collection, message.id(), query), message);
		}
		if (message.ids() != null && !message.ids().isEmpty()) {
			return reply(this.items.readByKeys(caller, collection, message.ids(), query), message);
		}
		if (schema.singleton()) {
			return reply(this.items.readSingleton(caller, collection, query), message);
		}
		ReadResult result = this.items.read(caller, collection, query);
		return new ServerMessage.Items(result.data(), result.meta().isEmpty() ? null : result.meta(), message.uid());
	}

	private ServerMessage.Items update(Accountability caller, CollectionSchema schema, ClientMessage.Items message,
			Query query) {
		String collection = schema.name();
		if (message.data() instanceof List<?> list) {
			return reply(readBack(caller, collection, this.items.updateBatch(caller, collection, objects(list)), query),
					message);
		}
		Map<String, ?> data = object(message.data());
		if (present(message.id())) {
			List<Object> keys = this.items.update(caller, collection, List.of(message.id()), data);
			return reply(first(readBack(caller, collection, keys, query)), message);
		}
		if (message.ids() != null && !message.ids().isEmpty()) {
			return reply(
					readBack(caller, collection, this.items.update(caller, collection, message.ids(), data), query),
					message);
		}
		if (schema.singleton()) {
			this.items.upsertSingleton(caller, collection, data);
			return reply(readSingletonBack(caller, collection, query), message);
		}
		if (message.query() == null) {
			throw TidingsException.invalidPayload("Either \"id\", \"ids\", an array of items or \"query\" is required");
		}
		return reply(readBack(caller, collection, this.items.updateByQuery(caller, collection, query, data), query),
				message);
	}

	private ServerMessage.Items delete(Accountability caller, CollectionSchema schema, ClientMessage.Items message,
			Query query) {
		if (present(message.id())) {
			this.items.delete(caller, schema.name(), List.of(message.id()));
			return reply(message.id(), message);
		}
		if (message.ids() != null && !message.ids().isEmpty()) {
			this.items.delete(caller, schema.name(), message.ids());
			return reply(message.ids(), message);
		}
		if (message.query() != null) {
			Query keysOnly = new Query(List.of(schema.primaryKey()), query.filter(), query.sort(),
					(query.limit() != null) ? query.limit() : -1, query.offset(), query.page(), query.search(),
					Set.of(), Map.of(), List.of());
			List<Object> keys = this.items.read(caller, schema.name(), keysOnly)
				.data()
				.stream()
				.map((row) -> row.get(schema.primaryKey()))
				.toList();
			this.items.delete(caller, schema.name(), keys);
			return reply(keys, message);
		}
		throw TidingsException.invalidPayload("Either 'ids', 'id' or 'query' is required for a DELETE request");
	}

	/**
	 * The written items as the caller may read them; nothing when it may write but not
	 * read them, as REST answers 204.
	 */
	private @Nullable List<Map<String, @Nullable Object>> readBack(Accountability caller, String collection,
			List<Object> keys, Query query) {
		try {
			return this.items.readByKeys(caller, collection, keys, query);
		}
		catch (TidingsException ex) {
			if (ex.code() == ErrorCode.FORBIDDEN) {
				return null;
			}
			throw ex;
		}
	}

	private @Nullable Map<String, @Nullable Object> readSingletonBack(Accountability caller, String collection,
			Query query) {
		try {
			return this.items.readSingleton(caller, collection, query);
		}
		catch (TidingsException ex) {
			if (ex.code() == ErrorCode.FORBIDDEN) {
				return null;
			}
			throw ex;
		}
	}

	private static @Nullable Object first(@Nullable List<Map<String, @Nullable Object>> items) {
		return (items == null || items.isEmpty()) ? null : items.get(0);
	}

	private static ServerMessage.Items reply(@Nullable Object data, ClientMessage.Items message) {
		return new ServerMessage.Items(data, null, message.uid());
	}

	/** Directus tests {@code id} for truthiness: 0 and "" count as absent. */
	private static boolean present(@Nullable Object id) {
		if (id == null || "".equals(id)) {
			return false;
		}
		return !(id instanceof Number number) || number.doubleValue() != 0;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> object(@Nullable Object data) {
		if (!(data instanceof Map<?, ?> map)) {
			throw TidingsException.invalidPayload("\"data\" must be an object or an array of objects");
		}
		return (Map<String, ?>) map;
	}

	private static List<Map<String, ?>> objects(List<?> list) {
		return list.stream().<Map<String, ?>>map(ItemsHandler::object).toList();
	}

}
