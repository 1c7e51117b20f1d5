package dev.tidings.items.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.security.Action;
import org.jspecify.annotations.Nullable;

/**
 * What a singleton reads as before its one item exists: the key as null and every other
 * field a new entity starts with a value for, as JSON. Only the fields the query names
 * (all for none or {@code *}) and the caller may read are listed; a field written only
 * ({@code Concealed}) never is.
 */
public final class SingletonDefaults {

	private SingletonDefaults() {
	}

	public static Map<String, @Nullable Object> of(CollectionSchema schema, List<String> requested,
			CallerPermissions permissions) {
		CollectionGrants grants = permissions.require(schema, Action.READ);
		Object blank = null;
		Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
		boolean all = requested.isEmpty() || requested.contains("*");
		for (FieldSchema field : schema.fields().values()) {
			if ((!all && !requested.contains(field.name())) || field.concealed() || !grants.allows(field.name())) {
				continue;
			}
			if (field.primaryKey()) {
				defaults.put(field.name(), null);
			}
			else if (field.hasDefault() && field.relation() == null && !field.isValueList()) {
				blank = (blank != null) ? blank : newInstance(schema.entityType());
				Object value = field.accessor().get(blank);
				if (value != null) {
					defaults.put(field.name(), field.codec().toJson(value));
				}
			}
		}
		return defaults;
	}

	private static Object newInstance(Class<?> type) {
		try {
			var constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type.getName() + " needs a no-arg constructor", ex);
		}
	}

}
