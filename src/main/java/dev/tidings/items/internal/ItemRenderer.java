package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.PersistenceUnitUtil;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Turns a managed entity into the JSON-ready map of its selected fields, as the caller
 * may see it: masked fields are null, a related item it may not read is null when
 * expanded, and to-many items it may not read are left out. Runs inside the read
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
	 * Renders a row snapshot (API names to Java values, a to-one as the related key)
	 * exactly as {@link #render} renders the entity it was taken from. The selection must
	 * expand no relation and name no alias, which a snapshot does not carry.
	 */
	public Map<String, @Nullable Object> renderRow(Map<String, ?> row, Selection selection, FieldMask mask) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		selection.fields().forEach((name, nested) -> {
			FieldSchema field = selection.collection().fields().get(name);
			if (nested != null || !field.isColumn()) {
				throw new IllegalStateException("A row snapshot does not carry the relation " + name);
			}
			boolean hidden = mask.hidesInRow(selection.collection(), row, name);
			Object value = row.get(name);
			// a related key (a UUID of a user, say) is shown as JSON like any value
			item.put(name, (hidden || value == null) ? null
					: field.holdsRelatedKey() ? FieldCodec.wire(value) : plain(field, value));
		});
		return item;
	}

	private @Nullable Object value(FieldSchema field, @Nullable Object value, @Nullable Selection nested,
			FieldMask mask) {
		if (value == null) {
			return null;
		}
		if (field.isToOne()) {
			CollectionSchema target = this.schemas.require(field.relation().relatedCollection());
			if (nested == null) {
				// the owning side's column is the item's own; an inverse side shows the
				// key only of an item the caller may read
				boolean shown = field.holdsRelatedKey() || mask.readable(target, Hibernate.unproxy(value));
				return shown ? FieldCodec.wire(this.units.getIdentifier(value)) : null;
			}
			// a lazy to-one is a proxy whose own fields are empty until unwrapped
			Object related = Hibernate.unproxy(value);
			return mask.readable(nested.collection(), related) ? render(related, nested, mask) : null;
		}
		if (field.isToMany()) {
			CollectionSchema child = this.schemas.require(field.relation().relatedCollection());
			List<Object> children = new ArrayList<>((Collection<?>) value);
			children.removeIf((item) -> !mask.readable(child, item));
			children.sort(Comparator.comparing((item) -> (Comparable) this.units.getIdentifier(item)));
			List<@Nullable Object> rendered = new ArrayList<>();
			for (Object item : children) {
				rendered.add((nested != null) ? render(item, nested, mask)
						: FieldCodec.wire(this.units.getIdentifier(item)));
			}
			return rendered;
		}
		return plain(field, value);
	}

	private static @Nullable Object plain(FieldSchema field, Object value) {
		return field.concealed() ? CONCEALED : field.codec().toJson(value);
	}

}
