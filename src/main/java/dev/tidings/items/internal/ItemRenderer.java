package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.PersistenceUnitUtil;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Turns a managed entity into the JSON-ready map of its selected fields, as the caller
 * may see it: masked fields are null, a related item it may not read is null when
 * expanded, and one-to-many items it may not read are left out. Runs inside the read
 * transaction, so expanded relations load lazily.
 */
public final class ItemRenderer {

	/** What a concealed field with a value reads as, as in Directus. */
	static final String CONCEALED = "**********";

	private final PersistenceUnitUtil units;

	private final SchemaRegistry schemas;

	public ItemRenderer(PersistenceUnitUtil units, SchemaRegistry schemas) {
		this.units = units;
		this.schemas = schemas;
	}

	public Map<String, @Nullable Object> render(Object entity, Selection selection, FieldMask mask) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		selection.fields().forEach((name, nested) -> {
			FieldSchema field = selection.collection().fields().get(name);
			boolean hidden = mask.hides(selection.collection(), entity, name);
			item.put(name, hidden ? null : value(field, field.accessor().get(entity), nested, mask));
		});
		return item;
	}

	/**
	 * Renders a row snapshot (API names to Java values, a many-to-one as the related key)
	 * exactly as {@link #render} renders the entity it was taken from. The selection must
	 * expand no relation and name no one-to-many alias, which a snapshot does not carry.
	 */
	public Map<String, @Nullable Object> renderRow(Map<String, ?> row, Selection selection, FieldMask mask) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		selection.fields().forEach((name, nested) -> {
			FieldSchema field = selection.collection().fields().get(name);
			if (nested != null || field.isOneToMany()) {
				throw new IllegalStateException("A row snapshot does not carry the relation " + name);
			}
			boolean hidden = mask.hidesInRow(selection.collection(), row, name);
			Object value = row.get(name);
			item.put(name, (hidden || value == null) ? null : field.isManyToOne() ? value : plain(field, value));
		});
		return item;
	}

	private @Nullable Object value(FieldSchema field, @Nullable Object value, @Nullable Selection nested,
			FieldMask mask) {
		if (value == null) {
			return null;
		}
		if (field.isManyToOne()) {
			if (nested == null) {
				return this.units.getIdentifier(value);
			}
			// a lazy many-to-one is a proxy whose own fields are empty until unwrapped
			Object related = Hibernate.unproxy(value);
			return mask.readable(nested.collection(), related) ? render(related, nested, mask) : null;
		}
		if (field.isOneToMany()) {
			CollectionSchema child = this.schemas.require(field.relation().relatedCollection());
			List<Object> children = new ArrayList<>((Collection<?>) value);
			children.removeIf((item) -> !mask.readable(child, item));
			children.sort(Comparator.comparing((item) -> (Comparable) this.units.getIdentifier(item)));
			List<@Nullable Object> rendered = new ArrayList<>();
			for (Object item : children) {
				rendered.add((nested != null) ? render(item, nested, mask) : this.units.getIdentifier(item));
			}
			return rendered;
		}
		return plain(field, value);
	}

	private static @Nullable Object plain(FieldSchema field, Object value) {
		return field.concealed() ? CONCEALED : field.codec().toJson(value);
	}

}
