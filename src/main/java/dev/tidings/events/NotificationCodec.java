package dev.tidings.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tidings.events.ValueCodec.UnsupportedValueException;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link ChangeNotification} as the JSON text of a stream entry, with its full
 * snapshots, so that another instance pushes it without reading the database again.
 * Values go through {@link ValueCodec}; a value it cannot carry fails the encoding with
 * the collection and field named.
 */
public final class NotificationCodec {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** The tag of a value written through its field's codec. */
	private static final String FIELD = "field";

	private final ValueCodec values;

	private final @Nullable SchemaRegistry schemas;

	public NotificationCodec(ValueCodec values) {
		this(values, null);
	}

	/**
	 * @param schemas the fields' codecs, for values of a type the value codec cannot
	 * carry (an attribute converted to its column, such as a {@code Locale}): those are
	 * written as their column's JSON and read back through the field's converter; null
	 * refuses them
	 */
	public NotificationCodec(ValueCodec values, @Nullable SchemaRegistry schemas) {
		this.values = values;
		this.schemas = schemas;
	}

	public String encode(ChangeNotification notification) {
		ObjectNode root = nodes.objectNode();
		root.put("collection", notification.collection());
		root.put("committed_at", notification.committedAt().toString());
		if (!notification.actor().isSystem()) {
			root.set("actor", actor(notification.actor()));
		}
		ArrayNode changes = root.putArray("changes");
		for (ItemChange change : notification.changes()) {
			ObjectNode item = changes.addObject();
			item.put("type", change.type().token());
			if (change.sequence() != 0) {
				item.put("sequence", change.sequence());
			}
			item.set("key", value(notification.collection(), "(key)", change.key()));
			item.set("before", row(notification.collection(), change.before()));
			item.set("after", row(notification.collection(), change.after()));
		}
		return json.writeValueAsString(root);
	}

	public ChangeNotification decode(String text) {
		JsonNode root = json.readTree(text);
		String collection = root.get("collection").stringValue();
		List<ItemChange> changes = new ArrayList<>();
		for (JsonNode item : root.get("changes").values()) {
			ChangeType type = ChangeType.valueOf(item.get("type").stringValue().toUpperCase(Locale.ROOT));
			Object key = this.values.decode(item.get("key"));
			if (key == null) {
				throw new UnsupportedValueException("a change without a key");
			}
			JsonNode sequence = item.get("sequence");
			changes.add(new ItemChange(type, key, row(collection, item.get("before")),
					row(collection, item.get("after")), (sequence != null) ? sequence.longValue() : 0));
		}
		return new ChangeNotification(collection, changes, committedAt(root), actor(root.get("actor")));
	}

	private static ObjectNode actor(Actor actor) {
		ObjectNode node = nodes.objectNode();
		node.put("user", (actor.user() != null) ? actor.user().toString() : null);
		node.put("ip", actor.ip());
		node.put("user_agent", actor.userAgent());
		node.put("origin", actor.origin());
		return node;
	}

	/**
	 * Who made the changes; an entry written by an instance that predates actors, or for
	 * the system, has none.
	 */
	private static Actor actor(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return Actor.SYSTEM;
		}
		String user = text(node, "user");
		return new Actor((user != null) ? UUID.fromString(user) : null, text(node, "ip"), text(node, "user_agent"),
				text(node, "origin"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.stringValue();
	}

	/**
	 * The commit time the entry carries; an entry written by an instance that predates
	 * the field is stamped as read, so it only shortens the time its pushes show.
	 */
	private static Instant committedAt(JsonNode root) {
		JsonNode committedAt = root.get("committed_at");
		return (committedAt != null) ? Instant.parse(committedAt.stringValue()) : Instant.now();
	}

	private JsonNode row(String collection, @Nullable Map<String, @Nullable Object> row) {
		if (row == null) {
			return nodes.nullNode();
		}
		ObjectNode fields = nodes.objectNode();
		row.forEach((field, value) -> fields.set(field, value(collection, field, value)));
		return fields;
	}

	private @Nullable Map<String, @Nullable Object> row(String collection, JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		node.properties()
			.forEach((entry) -> row.put(entry.getKey(), value(collection, entry.getKey(), entry.getValue())));
		return row;
	}

	private JsonNode value(String collection, String field, @Nullable Object value) {
		try {
			return this.values.encode(value);
		}
		catch (UnsupportedValueException ex) {
			FieldCodec codec = codec(collection, field);
			if (codec == null) {
				throw new UnsupportedValueException(ex, collection, field);
			}
			return nodes.arrayNode().add(FIELD).add(this.values.encode(codec.toJson(value)));
		}
	}

	private @Nullable Object value(String collection, String field, JsonNode node) {
		if (node.isArray() && node.size() == 2 && FIELD.equals(node.get(0).asString(""))) {
			FieldCodec codec = codec(collection, field);
			if (codec == null) {
				throw new UnsupportedValueException("a value of field " + field + ", which " + collection + " lacks");
			}
			return codec.fromJson(this.values.decode(node.get(1)));
		}
		return this.values.decode(node);
	}

	private @Nullable FieldCodec codec(String collection, String field) {
		if (this.schemas == null) {
			return null;
		}
		return this.schemas.find(collection)
			.flatMap((schema) -> schema.field(field))
			.map(FieldSchema::codec)
			.orElse(null);
	}

}
