package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldValues;
import jakarta.persistence.PersistenceUnitUtil;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Turns a managed entity into the JSON-ready map of its selected fields. Runs inside the
 * read transaction, so expanded relations load lazily.
 */
public final class ItemRenderer {

	private final PersistenceUnitUtil units;

	public ItemRenderer(PersistenceUnitUtil units) {
		this.units = units;
	}

	public Map<String, @Nullable Object> render(Object entity, Selection selection) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		selection.fields().forEach((name, nested) -> {
			FieldSchema field = selection.collection().fields().get(name);
			item.put(name, value(field, field.accessor().get(entity), nested));
		});
		return item;
	}

	private @Nullable Object value(FieldSchema field, @Nullable Object value, @Nullable Selection nested) {
		if (value == null) {
			return null;
		}
		if (field.isManyToOne()) {
			// a lazy many-to-one is a proxy whose own fields are empty until unwrapped
			return (nested != null) ? render(Hibernate.unproxy(value), nested) : this.units.getIdentifier(value);
		}
		if (field.isOneToMany()) {
			List<Object> children = new ArrayList<>((Collection<?>) value);
			children.sort(Comparator.comparing((child) -> (Comparable) this.units.getIdentifier(child)));
			List<@Nullable Object> rendered = new ArrayList<>();
			for (Object child : children) {
				rendered.add((nested != null) ? render(child, nested) : this.units.getIdentifier(child));
			}
			return rendered;
		}
		return FieldValues.toJson(value);
	}

}
