package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code meta} of a field: what Directus keeps in {@code directus_fields}, here
 * derived from the mapping. {@code special} names the relation ({@code m2o} for a field
 * holding one related key, {@code o2m} for every to-many alias, a many-to-many included:
 * it reads as the related items, with no junction level), {@code uuid} for a generated
 * UUID key, {@code conceal} for a write-only field and {@code cast-json} for a list of
 * values; an enum's constants are the {@code choices} of a dropdown.
 */
final class FieldMeta {

	private FieldMeta() {
	}

	static Map<String, @Nullable Object> of(CollectionSchema collection, FieldSchema field, int sort) {
		Map<String, @Nullable Object> meta = new LinkedHashMap<>();
		meta.put("id", null);
		meta.put("collection", collection.name());
		meta.put("field", field.name());
		meta.put("special", special(field));
		meta.put("interface", userInterface(field));
		meta.put("options", options(field));
		meta.put("display", null);
		meta.put("display_options", null);
		meta.put("readonly", field.version() || (field.primaryKey() && field.generated()));
		meta.put("hidden", false);
		meta.put("sort", sort);
		meta.put("width", "full");
		meta.put("translations", null);
		meta.put("note", null);
		meta.put("conditions", null);
		meta.put("required", field.isColumn() && !field.nullable() && !field.hasDefault() && !field.generated());
		meta.put("group", null);
		meta.put("validation", null);
		meta.put("validation_message", null);
		return meta;
	}

	private static @Nullable List<String> special(FieldSchema field) {
		if (field.isToMany()) {
			return List.of("o2m");
		}
		if (field.isToOne()) {
			return List.of("m2o");
		}
		if (field.isValueList()) {
			return List.of("cast-json");
		}
		if (field.concealed()) {
			return List.of("conceal");
		}
		if (field.primaryKey() && field.generated() && field.type() == FieldType.UUID) {
			return List.of("uuid");
		}
		return null;
	}

	private static String userInterface(FieldSchema field) {
		if (field.isToMany()) {
			return "list-o2m";
		}
		if (field.isToOne()) {
			return "select-dropdown-m2o";
		}
		if (field.isValueList()) {
			return "tags";
		}
		if (field.concealed()) {
			return "input-hash";
		}
		if (!field.codec().choices().isEmpty()) {
			return "select-dropdown";
		}
		return switch (field.type()) {
			case TEXT -> "input-multiline";
			case BOOLEAN -> "boolean";
			case TIMESTAMP, DATE_TIME, DATE, TIME -> "datetime";
			case JSON -> "input-code";
			default -> "input";
		};
	}

	private static @Nullable Map<String, Object> options(FieldSchema field) {
		List<String> choices = field.codec().choices();
		if (choices.isEmpty()) {
			return null;
		}
		return Map.of("choices",
				choices.stream().map((choice) -> Map.of("text", String.valueOf(choice), "value", choice)).toList());
	}

}
