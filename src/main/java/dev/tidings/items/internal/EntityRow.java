package dev.tidings.items.internal;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.PersistenceUnitUtil;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * A managed entity seen as the row map the {@code RowMatcher} evaluates, without copying
 * it: values are read when the matcher asks. Relations are followed (and so loaded) only
 * when the view was made for a rule that needs them; otherwise a to-one relation is its
 * key.
 */
final class EntityRow extends AbstractMap<String, @Nullable Object> {

	private final Object entity;

	private final CollectionSchema collection;

	private final SchemaRegistry schemas;

	private final PersistenceUnitUtil units;

	private final boolean relations;

	EntityRow(Object entity, CollectionSchema collection, SchemaRegistry schemas, PersistenceUnitUtil units,
			boolean relations) {
		// a lazy to-one is a proxy whose own fields are empty until unwrapped
		this.entity = Hibernate.unproxy(entity);
		this.collection = collection;
		this.schemas = schemas;
		this.units = units;
		this.relations = relations;
	}

	@Override
	public boolean containsKey(Object name) {
		return this.collection.fields().containsKey(name);
	}

	@Override
	public @Nullable Object get(Object name) {
		FieldSchema field = this.collection.fields().get(name);
		if (field == null) {
			return null;
		}
		Object value = field.accessor().get(this.entity);
		if (value == null || field.relation() == null) {
			return value;
		}
		if (!this.relations) {
			return field.isToOne() ? this.units.getIdentifier(value) : null;
		}
		CollectionSchema related = this.schemas.require(field.relation().relatedCollection());
		if (field.isToOne()) {
			return new EntityRow(value, related, this.schemas, this.units, true);
		}
		return ((Collection<?>) value).stream()
			.map((child) -> new EntityRow(child, related, this.schemas, this.units, true))
			.toList();
	}

	/** Every field, read now; the matcher never needs this, but a Map must offer it. */
	@Override
	public Set<Map.Entry<String, @Nullable Object>> entrySet() {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		for (String name : this.collection.fields().keySet()) {
			copy.put(name, get(name));
		}
		return copy.entrySet();
	}

}
