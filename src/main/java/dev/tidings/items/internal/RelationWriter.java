package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tidings.errors.ErrorCode;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.Relation;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Writes relational fields given by related keys. The owning side of a relation is set on
 * the entity itself; an inverse side ({@code mappedBy}) is written through the owning
 * field of each related item it gains or loses, since Hibernate persists only that side,
 * and the inverse side is kept in step so reads in the same transaction agree.
 */
final class RelationWriter {

	private final EntityManager entityManager;

	private final SchemaRegistry schemas;

	RelationWriter(EntityManager entityManager, SchemaRegistry schemas) {
		this.entityManager = entityManager;
		this.schemas = schemas;
	}

	/**
	 * The related item with the key, or INVALID_FOREIGN_KEY naming the field when there
	 * is none.
	 */
	@Nullable Object find(CollectionSchema collection, FieldSchema field, @Nullable Object key) {
		if (key == null) {
			return null;
		}
		Object related = this.entityManager.find(target(field).entityType(), key);
		if (related == null) {
			throw PersistenceErrors.error(ErrorCode.INVALID_FOREIGN_KEY, "is an invalid foreign key", collection.name(),
					field.name(), key);
		}
		// a proxy's own fields are empty: the accessors work on the entity behind it
		return Hibernate.unproxy(related);
	}

	/** Points the inverse side of a one-to-one at the item with the key, or at none. */
	void setInverseOne(CollectionSchema collection, Object entity, FieldSchema field, @Nullable Object key) {
		Object next = find(collection, field, key);
		Object current = Hibernate.unproxy(field.accessor().get(entity));
		FieldSchema owning = owning(field);
		if (current != null && current != next) {
			unlink(owning, current, entity);
		}
		if (next != null) {
			link(owning, next, entity);
		}
		field.accessor().set(entity, next);
	}

	/** Makes the related items with the keys the only members of a to-many relation. */
	@SuppressWarnings("unchecked")
	void replaceMembers(CollectionSchema collection, Object entity, FieldSchema field, List<Object> keys) {
		List<Object> items = new ArrayList<>();
		for (Object key : new LinkedHashSet<>(keys)) {
			items.add(find(collection, field, key));
		}
		Collection<Object> members = (Collection<Object>) field.accessor().get(entity);
		if (!field.relation().owning()) {
			FieldSchema owning = owning(field);
			Set<Object> kept = Collections.newSetFromMap(new IdentityHashMap<>());
			kept.addAll(items);
			if (members != null) {
				members.stream()
					.map(Hibernate::unproxy)
					.filter((member) -> !kept.contains(member))
					.forEach((lost) -> unlink(owning, lost, entity));
			}
			items.forEach((gained) -> link(owning, gained, entity));
		}
		if (members == null) {
			members = emptyMembers(entity, field);
		}
		members.clear();
		members.addAll(items);
	}

	/** The owning field, on the related collection, of an inverse side. */
	private FieldSchema owning(FieldSchema inverse) {
		return target(inverse).requireField(inverse.relation().mappedBy());
	}

	@SuppressWarnings("unchecked")
	private static void link(FieldSchema owning, Object related, Object entity) {
		if (owning.isToMany()) {
			Collection<Object> members = (Collection<Object>) owning.accessor().get(related);
			if (members == null) {
				members = emptyMembers(related, owning);
			}
			if (!members.contains(entity)) {
				members.add(entity);
			}
		}
		else {
			owning.accessor().set(related, entity);
		}
	}

	private static void unlink(FieldSchema owning, Object related, Object entity) {
		if (owning.isToMany()) {
			Collection<?> members = (Collection<?>) owning.accessor().get(related);
			if (members != null) {
				members.remove(entity);
			}
		}
		else if (Hibernate.unproxy(owning.accessor().get(related)) == Hibernate.unproxy(entity)) {
			owning.accessor().set(related, null);
		}
	}

	/**
	 * A new, empty collection set on an entity whose relation is null (only possible on a
	 * new entity that does not initialise it): a list, or a set when the attribute is
	 * one.
	 */
	private static Collection<Object> emptyMembers(Object entity, FieldSchema field) {
		Collection<Object> members = new ArrayList<>();
		try {
			field.accessor().set(entity, members);
		}
		catch (IllegalArgumentException ex) {
			members = new LinkedHashSet<>();
			field.accessor().set(entity, members);
		}
		return members;
	}

	private CollectionSchema target(FieldSchema field) {
		Relation relation = field.relation();
		return this.schemas.require(relation.relatedCollection());
	}

}
