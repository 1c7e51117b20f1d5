package dev.tidings.schema;

import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The values a new item of a collection starts with before any write, as JSON: those the
 * entity's no-arg constructor gives its plain columns. What a singleton reads as before
 * it exists, and the {@code default_value} the schema endpoints show.
 */
public final class FieldDefaults {

	private FieldDefaults() {
	}

	/** By field name, only the fields whose default is not null. */
	public static Map<String, @Nullable Object> of(CollectionSchema collection) {
		Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
		Object blank = null;
		for (FieldSchema field : collection.fields().values()) {
			if (!field.hasDefault() || field.relation() != null || field.isValueList() || field.concealed()) {
				continue;
			}
			blank = (blank != null) ? blank : newInstance(collection.entityType());
			Object value = field.accessor().get(blank);
			if (value != null) {
				defaults.put(field.name(), field.codec().toJson(value));
			}
		}
		return defaults;
	}

	private static Object newInstance(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type.getName() + " needs a no-arg constructor", ex);
		}
	}

}
