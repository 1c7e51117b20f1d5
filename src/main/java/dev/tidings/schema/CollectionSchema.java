package dev.tidings.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tidings.errors.TidingsException;

/**
 * A content collection: its name, entity type and fields in declaration order.
 *
 * @param name the collection name
 * @param entityType the JPA entity class
 * @param fields the fields by API name, in a stable order
 * @param primaryKey the API name of the key field
 */
public record CollectionSchema(String name, Class<?> entityType, Map<String, FieldSchema> fields, String primaryKey) {

	public CollectionSchema {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		if (!fields.containsKey(primaryKey)) {
			throw new IllegalArgumentException("Primary key " + primaryKey + " is not a field of " + name);
		}
	}

	public Optional<FieldSchema> field(String name) {
		return Optional.ofNullable(this.fields.get(name));
	}

	/** The field, or a 403 naming it, as Directus answers for unknown fields. */
	public FieldSchema requireField(String name) {
		FieldSchema field = this.fields.get(name);
		if (field == null) {
			throw TidingsException.forbiddenField(name, this.name);
		}
		return field;
	}

	public FieldSchema primaryKeyField() {
		return this.fields.get(this.primaryKey);
	}

	public List<FieldSchema> columns() {
		return this.fields.values().stream().filter(FieldSchema::isColumn).toList();
	}

}
