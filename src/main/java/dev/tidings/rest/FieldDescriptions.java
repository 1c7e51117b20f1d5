package dev.tidings.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldDefaults;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.Relation;
import dev.tidings.schema.SchemaRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A field as {@code /fields} describes it: its Directus type, its column ({@code schema},
 * null for an alias) and how an app shows it ({@code meta}: {@code special} says which
 * relation it is). Column types are named as PostgreSQL names them, whatever the
 * database: they tell a client what a value is, not how a host stores it.
 */
final class FieldDescriptions {

	private FieldDescriptions() {
	}

	static List<Map<String, @Nullable Object>> of(CollectionSchema collection, List<FieldSchema> fields,
			SchemaRegistry schemas) {
		Map<String, @Nullable Object> defaults = FieldDefaults.of(collection);
		List<FieldSchema> all = List.copyOf(collection.fields().values());
		List<Map<String, @Nullable Object>> described = new ArrayList<>();
		for (FieldSchema field : fields) {
			described.add(describe(collection, field, all.indexOf(field) + 1, defaults, schemas));
		}
		return described;
	}

	private static Map<String, @Nullable Object> describe(CollectionSchema collection, FieldSchema field, int sort,
			Map<String, @Nullable Object> defaults, SchemaRegistry schemas) {
		Map<String, @Nullable Object> described = new LinkedHashMap<>();
		described.put("collection", collection.name());
		described.put("field", field.name());
		described.put("type", type(field));
		described.put("schema", field.isColumn() ? column(collection, field, defaults, schemas) : null);
		described.put("meta", FieldMeta.of(collection, field, sort));
		return described;
	}

	static String type(FieldSchema field) {
		if (field.isValueList()) {
			return "json";
		}
		if (field.isToMany()) {
			return "alias";
		}
		return switch (field.type()) {
			case BIG_INTEGER -> "bigInteger";
			case DATE_TIME -> "dateTime";
			default -> field.type().name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static Map<String, @Nullable Object> column(CollectionSchema collection, FieldSchema field,
			Map<String, @Nullable Object> defaults, SchemaRegistry schemas) {
		Relation relation = field.relation();
		Map<String, @Nullable Object> column = new LinkedHashMap<>();
		column.put("name", field.name());
		column.put("table", collection.name());
		column.put("data_type", dataType(field.type()));
		column.put("default_value", defaults.get(field.name()));
		column.put("max_length", field.maxLength());
		column.put("numeric_precision", null);
		column.put("numeric_scale", null);
		column.put("is_generated", false);
		column.put("generation_expression", null);
		column.put("is_nullable", field.nullable());
		column.put("is_unique", ColumnUniqueness.of(collection, field));
		column.put("is_indexed", field.primaryKey());
		column.put("is_primary_key", field.primaryKey());
		column.put("has_auto_increment", field.generated() && field.type().isNumeric());
		column.put("foreign_key_schema", null);
		column.put("foreign_key_table", (relation != null) ? relation.relatedCollection() : null);
		column.put("foreign_key_column",
				(relation != null) ? schemas.require(relation.relatedCollection()).primaryKey() : null);
		column.put("comment", null);
		return column;
	}

	private static String dataType(FieldType type) {
		return switch (type) {
			case INTEGER -> "integer";
			case BIG_INTEGER -> "bigint";
			case FLOAT -> "double precision";
			case DECIMAL -> "numeric";
			case STRING -> "character varying";
			case TEXT -> "text";
			case BOOLEAN -> "boolean";
			case UUID -> "uuid";
			case TIMESTAMP -> "timestamp with time zone";
			case DATE_TIME -> "timestamp without time zone";
			case DATE -> "date";
			case TIME -> "time without time zone";
			case JSON -> "json";
			case BINARY -> "bytea";
			case ALIAS -> "alias";
		};
	}

}
