package dev.tidings.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tidings.events.ValueCodec.UnsupportedValueException;
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

	private final ValueCodec values;

	public NotificationCodec(ValueCodec values) {
		this.values = values;
	}

	public String encode(ChangeNotification notification) {
		ObjectNode root = nodes.objectNode();
		root.put("collection", notification.collection());
		root.put("committed_at", notification.committedAt().toString());
		ArrayNode changes = root.putArray("changes");
		for (ItemChange change : notification.changes()) {
			ObjectNode item = changes.addObject();
			item.put("type", change.type().token());
			item.put("sequence", change.sequence());
			item.set("key", value(notification.collection(), "(key)", change.key()));
			item.set("before", row(notification.collection(), change.before()));
			item.set("after", row(notification.collection(), change.after()));
		}
		return json.writeValueAsString(root);
	}

	public ChangeNotification decode(String text) {
		JsonNode root = json.readTree(text);
		List<ItemChange> changes = new ArrayList<>();
		for (JsonNode item : root.get("changes").values()) {
			ChangeType type = ChangeType.valueOf(item.get("type").stringValue().toUpperCase(Locale.ROOT));
			Object key = this.values.decode(item.get("key"));
			if (key == null) {
				throw new UnsupportedValueException("a change without a key");
			}
			JsonNode sequence = item.get("sequence");
			changes.add(new ItemChange(type, key, row(item.get("before")), row(item.get("after")),
					(sequence != null) ? sequence.longValue() : 0));
		}
		return new ChangeNotification(root.get("collection").stringValue(), changes, committedAt(root));
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

	private @Nullable Map<String, @Nullable Object> row(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		node.properties().forEach((entry) -> row.put(entry.getKey(), this.values.decode(entry.getValue())));
		return row;
	}

	private JsonNode value(String collection, String field, @Nullable Object value) {
		try {
			return this.values.encode(value);
		}
		catch (UnsupportedValueException ex) {
			throw new UnsupportedValueException(ex, collection, field);
		}
	}

}
