package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Writes the inverse side of a one-to-many (or of a one-to-one given an object) after its
 * parent is written, through the owning key of each related item: linking is an update of
 * that key, so is unlinking; a dropped item whose key may not be null, or whose relation
 * removes orphans, is deleted instead. A list (of keys or objects) replaces the members;
 * the detailed form changes only what it names.
 */
final class OneToManyWrites {

	private final EntityManager entityManager;

	private final NestedWrites nested;

	OneToManyWrites(EntityManager entityManager, NestedWrites nested) {
		this.entityManager = entityManager;
		this.nested = nested;
	}

	void write(CallerPermissions permissions, CollectionSchema collection, Object parent,
			Map<String, @Nullable Object> values) {
		values.forEach((name, raw) -> {
			FieldSchema field = collection.requireField(name);
			Side side = new Side(collection, parent, field, this.nested.target(field));
			if (field.isToMany() && raw instanceof Map<?, ?> detailed) {
				alter(permissions, side, Alterations.of(field, detailed));
			}
			else if (raw == null || raw instanceof List<?>) {
				replace(permissions, side, (raw != null) ? (List<?>) raw : List.of());
			}
			else if (raw instanceof Map<?, ?>) {
				replace(permissions, side, List.of(raw));
			}
			else {
				throw ItemWriter.notMembers(field);
			}
		});
	}

	private void alter(CallerPermissions permissions, Side side, Alterations alterations) {
		for (Map<String, ?> item : alterations.create()) {
			this.nested.create(permissions, side.target(), side.linked(item));
		}
		for (Map<String, ?> item : alterations.update()) {
			this.nested.updateNested(permissions, side.target(), this.nested.requireKey(side.target(), item),
					side.linked(item));
		}
		Set<Object> members = members(side);
		List<Object> dropped = new ArrayList<>();
		for (Object raw : alterations.delete()) {
			Object key = NestedWrites.key(side.target(), raw);
			if (members.contains(key)) {
				dropped.add(key);
			}
		}
		deselect(permissions, side, dropped);
	}

	/**
	 * Drops the members the list does not name before writing it, so that a unique owning
	 * key (a one-to-one) is free for the member taking its place.
	 */
	private void replace(CallerPermissions permissions, Side side, List<?> items) {
		CollectionSchema target = side.target();
		Set<Object> named = new LinkedHashSet<>();
		for (Object item : items) {
			if (item == null || item instanceof List<?>) {
				throw ItemWriter.notMembers(side.field());
			}
			Object raw = (item instanceof Map<?, ?> object) ? object.get(target.primaryKey()) : item;
			if (raw != null) {
				named.add(NestedWrites.key(target, raw));
			}
		}
		Set<Object> members = members(side);
		deselect(permissions, side, members.stream().filter((member) -> !named.contains(member)).toList());
		for (Object item : items) {
			Object raw = (item instanceof Map<?, ?> object) ? object.get(target.primaryKey()) : item;
			if (item instanceof Map<?, ?> object && (raw == null || object.size() > 1)) {
				this.nested.upsert(permissions, target, side.linked(NestedWrites.object(object)));
				continue;
			}
			Object key = NestedWrites.key(target, raw);
			if (!this.nested.exists(target, key)) {
				throw TidingsException.forbidden();
			}
			if (!members.contains(key)) {
				this.nested.updateNested(permissions, target, key, side.linked(Map.of()));
			}
		}
	}

	/**
	 * Unlinks the items from the parent, or deletes them when their key may not be null
	 * or the relation removes orphans; either is checked as the caller's own write of
	 * them.
	 */
	private void deselect(CallerPermissions permissions, Side side, List<Object> keys) {
		if (keys.isEmpty()) {
			return;
		}
		Object parent = this.entityManager.find(side.collection().entityType(), side.parent());
		if (parent != null && side.field().accessor().get(parent) instanceof Collection<?> members
				&& Hibernate.isInitialized(members)) {
			// the parent's loaded list must not hold an item about to go
			members.removeIf((member) -> keys.contains(this.nested.identifier(Hibernate.unproxy(member))));
		}
		FieldSchema owning = side.owning();
		if (!owning.nullable() || side.field().relation().orphanRemoval()) {
			this.nested.delete(permissions, side.target(), keys);
			return;
		}
		Map<String, @Nullable Object> unlink = new LinkedHashMap<>();
		unlink.put(owning.name(), null);
		keys.forEach((key) -> this.nested.updateNested(permissions, side.target(), key, unlink));
	}

	/** The keys of the items linked to the parent now, as the database has them. */
	private Set<Object> members(Side side) {
		FieldSchema owning = side.owning();
		FieldSchema key = side.target().primaryKeyField();
		String entity = this.entityManager.getMetamodel().entity(side.target().entityType()).getName();
		List<?> keys = this.entityManager
			.createQuery("select e." + key.attribute() + " from " + entity + " e where e." + owning.attribute()
					+ " = :parent", Object.class)
			.setParameter("parent", this.entityManager.find(side.collection().entityType(), side.parent()))
			.getResultList();
		return new LinkedHashSet<>(keys);
	}

	/** One inverse side being written, of one parent. */
	private record Side(CollectionSchema collection, Object parent, FieldSchema field, CollectionSchema target) {

		FieldSchema owning() {
			return this.target.requireField(this.field.relation().mappedBy());
		}

		/** The item's payload, linked to the parent through the owning key. */
		Map<String, ?> linked(Map<String, ?> item) {
			Map<String, @Nullable Object> payload = new LinkedHashMap<>(item);
			payload.put(this.field.relation().mappedBy(), NestedWrites.json(this.collection, this.parent));
			return payload;
		}

	}

}
