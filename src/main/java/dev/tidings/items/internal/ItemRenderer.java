package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Turns managed entities into the JSON-ready maps of their selected keys, as the caller
 * may see them: masked fields (and their functions) are null, a related item it may not
 * read is null when expanded, and to-many lists hold only items it may read. Renders a
 * whole level at once, so that each relation's items are read in one query for all
 * parents (with its deep query) rather than one per parent.
 */
public final class ItemRenderer {

	/** What a concealed field with a value reads as, as in Directus. */
	static final String CONCEALED = "**********";

	private final PersistenceUnitUtil units;

	private final SchemaRegistry schemas;

	private final RelatedItems related;

	public ItemRenderer(EntityManager entityManager, SchemaRegistry schemas, SortOrders sortOrders) {
		this.units = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
		this.schemas = schemas;
		this.related = new RelatedItems(entityManager, sortOrders);
	}

	/** The entities, in their order, each rendered under the selection. */
	public List<Map<String, @Nullable Object>> render(List<?> entities, Selection selection, FieldMask mask,
			VisibleValues visibility) {
		List<Object> keys = new ArrayList<>(entities.size());
		entities.forEach((entity) -> keys.add(this.units.getIdentifier(entity)));
		Map<String, Map<Object, @Nullable Object>> relational = new HashMap<>();
		selection.fields().forEach((key, selected) -> {
			Map<Object, @Nullable Object> values = relational(entities, keys, selection.collection(), selected, mask,
					visibility);
			if (values != null) {
				relational.put(key, values);
			}
		});
		List<Map<String, @Nullable Object>> items = new ArrayList<>(entities.size());
		for (int i = 0; i < entities.size(); i++) {
			Object entity = entities.get(i);
			Object parentKey = keys.get(i);
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			selection.fields().forEach((key, selected) -> {
				FieldSchema field = selected.field();
				Map<Object, @Nullable Object> values = relational.get(key);
				boolean hidden = mask.hides(selection.collection(), entity, field.name());
				item.put(key, hidden ? null : (values != null) ? values.get(parentKey)
						: value(selected, field.accessor().get(entity), mask));
			});
			items.add(item);
		}
		return items;
	}

	/**
	 * Every child's key of each parent through a one-to-many alias, in the order the
	 * alias lists them without a sort; parents without children are absent. No permission
	 * is checked: callers decide who may see full lists.
	 */
	public Map<Object, List<Object>> childKeys(CollectionSchema parent, List<Object> keys, FieldSchema alias) {
		return this.related.childKeys(parent, keys, alias, this.schemas.require(alias.relation().relatedCollection()));
	}

	/**
	 * Renders a row snapshot (API names to Java values, a to-one as the related key)
	 * exactly as {@link #render} renders the entity it was taken from. The selection must
	 * show only the row's own columns under their own names, which is all a snapshot
	 * carries, and one-to-many aliases as keys where the snapshot lists them (a created
	 * item's, see {@code ChangeSet}, or a full list of children), sliced as a read slices
	 * them.
	 */
	public Map<String, @Nullable Object> renderRow(Map<String, ?> row, Selection selection, FieldMask mask) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		selection.fields().forEach((key, selected) -> {
			FieldSchema field = selected.field();
			boolean listed = selected.listsKeys(key) && row.get(key) instanceof List<?>;
			if (!selected.plain(key) && !listed) {
				throw new IllegalStateException("A row snapshot does not carry " + key);
			}
			boolean hidden = mask.hidesInRow(selection.collection(), row, key);
			Object value = row.get(key);
			// a related key (a UUID of a user, say) is shown as JSON like any value
			item.put(key, (hidden || value == null) ? null : listed ? listed(selected, (List<?>) value)
					: field.holdsRelatedKey() ? FieldCodec.wire(value) : plain(field, value));
		});
		return item;
	}

	private static List<@Nullable Object> listed(Selected selected, List<?> children) {
		List<?> kept = (selected.related() != null) ? selected.related().slice(children) : children;
		return kept.stream().map(FieldCodec::wire).toList();
	}

	/**
	 * The values of a key that needs the related items of every parent, by parent key, or
	 * null when each entity's own value suffices.
	 */
	private @Nullable Map<Object, @Nullable Object> relational(List<?> entities, List<Object> keys,
			CollectionSchema collection, Selected selected, FieldMask mask, VisibleValues visibility) {
		FieldSchema field = selected.field();
		if (entities.isEmpty() || selected.related() == null && selected.nested() == null) {
			return null;
		}
		Map<Object, @Nullable Object> values = new HashMap<>();
		if (selected.function() == FieldFunction.COUNT) {
			Map<Object, Long> counts = this.related.counts(collection, keys, field, selected.related().filter());
			keys.forEach((key) -> values.put(key, counts.getOrDefault(key, 0L).intValue()));
			return values;
		}
		CollectionSchema target = this.schemas.require(field.relation().relatedCollection());
		if (field.isToMany()) {
			Map<Object, List<Object>> lists = this.related.lists(collection, keys, field, target, selected.related(),
					visibility);
			Map<Object, List<Object>> kept = new HashMap<>();
			keys.forEach((key) -> kept.put(key, selected.related().slice(lists.getOrDefault(key, List.of()))));
			Map<Object, @Nullable Object> rendered = nested(kept.values(), selected.nested(), mask, visibility);
			kept.forEach((key, items) -> values.put(key, items.stream().map(rendered::get).toList()));
			return values;
		}
		Map<Object, Object> targets = new HashMap<>();
		for (int i = 0; i < entities.size(); i++) {
			Object value = field.accessor().get(entities.get(i));
			// a lazy to-one is a proxy whose own fields are empty until unwrapped
			Object item = (value != null) ? Hibernate.unproxy(value) : null;
			if (item != null && (field.holdsRelatedKey() && selected.nested() == null || mask.readable(target, item))) {
				targets.put(keys.get(i), item);
			}
		}
		if (selected.related() != null) {
			List<Object> targetKeys = targets.values().stream().map(this.units::getIdentifier).distinct().toList();
			Set<Object> matching = this.related.matching(target, targetKeys, selected.related().filter());
			targets.values().removeIf((item) -> !matching.contains(this.units.getIdentifier(item)));
		}
		Map<Object, @Nullable Object> rendered = nested(targets.values().stream().map(List::of).toList(),
				selected.nested(), mask, visibility);
		keys.forEach((key) -> values.put(key, targets.containsKey(key) ? rendered.get(targets.get(key)) : null));
		return values;
	}

	/**
	 * Each distinct related item of a level rendered once (M2M items recur across
	 * parents): under the nested selection, or as its key when not expanded.
	 */
	private Map<Object, @Nullable Object> nested(Collection<? extends List<Object>> lists, @Nullable Selection nested,
			FieldMask mask, VisibleValues visibility) {
		Map<Object, @Nullable Object> rendered = new IdentityHashMap<>();
		List<Object> distinct = new ArrayList<>();
		lists.forEach((items) -> items.forEach((item) -> {
			if (!rendered.containsKey(item)) {
				rendered.put(item, null);
				distinct.add(item);
			}
		}));
		if (nested == null) {
			distinct.forEach((item) -> rendered.put(item, FieldCodec.wire(this.units.getIdentifier(item))));
			return rendered;
		}
		List<Map<String, @Nullable Object>> items = render(distinct, nested, mask, visibility);
		for (int i = 0; i < distinct.size(); i++) {
			rendered.put(distinct.get(i), items.get(i));
		}
		return rendered;
	}

	/** A key rendered from the entity's own value: no expansion, no deep query. */
	private @Nullable Object value(Selected selected, @Nullable Object value, FieldMask mask) {
		FieldSchema field = selected.field();
		if (selected.function() != null) {
			return selected.function().apply(value);
		}
		if (value == null) {
			return null;
		}
		if (field.isToOne()) {
			CollectionSchema target = this.schemas.require(field.relation().relatedCollection());
			// the owning side's column is the item's own; an inverse side shows the key
			// only of an item the caller may read
			boolean shown = field.holdsRelatedKey() || mask.readable(target, Hibernate.unproxy(value));
			return shown ? FieldCodec.wire(this.units.getIdentifier(value)) : null;
		}
		return plain(field, value);
	}

	private static @Nullable Object plain(FieldSchema field, Object value) {
		return field.concealed() ? CONCEALED : field.codec().toJson(value);
	}

}
