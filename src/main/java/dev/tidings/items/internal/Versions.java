package dev.tidings.items.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic locking through an entity's {@code @Version} attribute. The provider owns
 * the value: a client never sets it, but may send back the version it read, and an update
 * of an item that changed since then is refused rather than silently overwriting the
 * other writer's change. Two transactions that collide are refused the same way.
 */
final class Versions {

	private Versions() {
	}

	/**
	 * Refuses the update when the client read the item at another version than it holds
	 * now. Compared as the API shows versions, so a timestamp version read back with the
	 * API's precision still matches.
	 */
	static void check(CollectionSchema collection, Object key, Object entity, FieldSchema field,
			@Nullable Object sent) {
		if (sent == null) {
			return;
		}
		Object current = field.codec().toJson(field.accessor().get(entity));
		Object read;
		try {
			read = field.codec().toJson(field.codec().fromJson(sent));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw TidingsException.invalidPayload("Value for field \"" + field.name() + "\" " + ex.getMessage());
		}
		if (!Objects.equals(current, read)) {
			throw conflict(collection, key,
					"was changed since version " + sent + " was read; it is at version " + current);
		}
	}

	static TidingsException conflict(CollectionSchema collection, @Nullable Object key, String problem) {
		String item = (key != null) ? "Item \"" + key + "\"" : "An item";
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("collection", collection.name());
		if (key != null) {
			extensions.put("key", key);
		}
		return new TidingsException(new TidingsError(ErrorCode.CONFLICT,
				item + " of collection \"" + collection.name() + "\" " + problem + ".", extensions));
	}

}
