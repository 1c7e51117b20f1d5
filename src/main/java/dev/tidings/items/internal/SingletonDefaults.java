package dev.tidings.items.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldDefaults;
import dev.tidings.schema.FieldSchema;
import dev.tidings.security.Action;
import org.jspecify.annotations.Nullable;

/**
 * What a singleton reads as before its one item exists: the key as null and the
 * {@link FieldDefaults} of the other fields. Only the fields the query names (all for
 * none or {@code *}) and the caller may read are listed.
 */
public final class SingletonDefaults {

	private SingletonDefaults() {
	}

	public static Map<String, @Nullable Object> of(CollectionSchema schema, List<String> requested,
			CallerPermissions permissions) {
		CollectionGrants grants = permissions.require(schema, Action.READ);
		Map<String, @Nullable Object> values = FieldDefaults.of(schema);
		Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
		boolean all = requested.isEmpty() || requested.contains("*");
		for (FieldSchema field : schema.fields().values()) {
			if ((!all && !requested.contains(field.name())) || !grants.allows(field.name())) {
				continue;
			}
			if (field.primaryKey()) {
				defaults.put(field.name(), null);
			}
			else if (values.containsKey(field.name())) {
				defaults.put(field.name(), values.get(field.name()));
			}
		}
		return defaults;
	}

}
