package dev.tidings.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;

/**
 * A content collection: its name, entity type and fields in declaration order.
 *
 * @param name the collection name
 * @param entityType the JPA entity class
 * @param fields the fields by API name, in a stable order
 * @param primaryKey the API name of the key field
 * @param unsupported why each attribute the API has no field for is left out, by the name
 * (snake_case) a client would use for it
 * @param singleton whether the collection holds one item, read and upserted as an object
 */
public record CollectionSchema(String name, Class<?> entityType, Map<String, FieldSchema> fields, String primaryKey,
		Map<String, String> unsupported, boolean singleton) {

	public CollectionSchema {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		unsupported = Map.copyOf(unsupported);
		if (!fields.containsKey(primaryKey)) {
			throw new IllegalArgumentException("Primary key " + primaryKey + " is not a field of " + name);
		}
	}

	public CollectionSchema(String name, Class<?> entityType, Map<String, FieldSchema> fields, String primaryKey) {
		this(name, entityType, fields, primaryKey, Map.of(), false);
	}

	public Optional<FieldSchema> field(String name) {
		return Optional.ofNullable(this.fields.get(name));
	}

	/**
	 * The field, or a 403 naming it, as Directus answers for unknown fields; an attribute
	 * Tidings cannot expose answers why instead.
	 */
	public FieldSchema requireField(String name) {
		FieldSchema field = this.fields.get(name);
		if (field == null && this.unsupported.containsKey(name)) {
			throw new TidingsException(new TidingsError(ErrorCode.UNPROCESSABLE_CONTENT,
					this.unsupported.get(name) + ".", Map.of("collection", this.name, "field", name)));
		}
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
