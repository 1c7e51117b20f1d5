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
import dev.tidings.schema.Relation;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.UserCredentials;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Writes an item together with the related items its payload nests, as Directus does. A
 * to-one object is written first and replaced by its key; a many-to-many's objects too,
 * leaving the keys that become its members; a one-to-many's items need the parent's key
 * and are written after it ({@link OneToManyWrites}). Every nested item is a write of its
 * own collection, checked against the caller's grants for that collection and action as a
 * top-level write of it would be, in the request's one transaction.
 */
public final class NestedWrites {

	private final EntityManager entityManager;

	private final SchemaRegistry schemas;

	private final WriteAccess access;

	private final ItemWriter writer;

	private final UserCredentials credentials;

	private final OneToManyWrites oneToMany;

	public NestedWrites(EntityManager entityManager, SchemaRegistry schemas, WriteAccess access, ItemWriter writer,
			UserCredentials credentials) {
		this.entityManager = entityManager;
		this.schemas = schemas;
		this.access = access;
		this.writer = writer;
		this.credentials = credentials;
		this.oneToMany = new OneToManyWrites(entityManager, this);
	}

	/** Checks and creates the item and what it nests; returns its key. */
	public Object create(CallerPermissions permissions, CollectionSchema collection, Map<String, ?> payload) {
		Map<String, ?> checked = this.access.create(permissions, collection, payload);
		Split split = split(permissions, collection, null, checked);
		this.access.requireLinks(permissions, collection, null, split.own());
		Object key = this.writer.create(collection, this.credentials.forStorage(collection.name(), split.own()));
		this.oneToMany.write(permissions, collection, key, split.later());
		return key;
	}

	/**
	 * Applies a payload {@link WriteAccess#update} checked to the item and what it nests;
	 * false when there is no such item.
	 */
	public boolean update(CallerPermissions permissions, CollectionSchema collection, Object key,
			Map<String, ?> checked) {
		Split split = split(permissions, collection, key, checked);
		this.access.requireLinks(permissions, collection, key, split.own());
		if (!this.writer.update(collection, key, this.credentials.forStorage(collection.name(), split.own()))) {
			return false;
		}
		this.credentials.updated(collection.name(), key, split.own());
		this.oneToMany.write(permissions, collection, key, split.later());
		return true;
	}

	/** Checks and updates one existing item, as a nested write of it. */
	void updateNested(CallerPermissions permissions, CollectionSchema collection, Object key, Map<String, ?> payload) {
		Map<String, ?> checked = this.access.update(permissions, collection, List.of(key), List.of(payload)).get(0);
		update(permissions, collection, key, checked);
	}

	/** Checks and deletes existing items, as nested deletes of them. */
	void delete(CallerPermissions permissions, CollectionSchema collection, List<Object> keys) {
		this.access.delete(permissions, collection, keys);
		keys.forEach((key) -> this.writer.delete(collection, key));
	}

	/**
	 * The key of a related item given as an object: updated when it carries the key of an
	 * existing item (and more than the key), else created.
	 */
	Object upsert(CallerPermissions permissions, CollectionSchema collection, Map<String, ?> item) {
		Object raw = item.get(collection.primaryKey());
		if (raw != null) {
			Object key = key(collection, raw);
			if (exists(collection, key)) {
				if (item.size() > 1) {
					updateNested(permissions, collection, key, item);
				}
				return key;
			}
		}
		return create(permissions, collection, item);
	}

	/**
	 * The payload the item's own row takes, nested to-one and many-to-many items written
	 * and replaced by keys, and the one-to-many values left for after the item is
	 * written.
	 */
	private Split split(CallerPermissions permissions, CollectionSchema collection, @Nullable Object key,
			Map<String, ?> payload) {
		Map<String, @Nullable Object> own = new LinkedHashMap<>();
		Map<String, @Nullable Object> later = new LinkedHashMap<>();
		payload.forEach((name, raw) -> {
			FieldSchema field = collection.requireField(name);
			Relation relation = field.relation();
			if (relation == null) {
				own.put(name, raw);
			}
			else if (field.holdsRelatedKey() && raw instanceof Map<?, ?> item) {
				own.put(name, json(target(field), upsert(permissions, target(field), object(item))));
			}
			else if (!relation.owning() && (relation.kind() == Relation.Kind.ONE_TO_MANY
					|| (relation.kind() == Relation.Kind.ONE_TO_ONE && raw instanceof Map<?, ?>))) {
				later.put(name, raw);
			}
			else if (field.isToMany()) {
				own.put(name, memberKeys(permissions, collection, key, field, raw));
			}
			else {
				own.put(name, raw);
			}
		});
		return new Split(own, later);
	}

	/**
	 * The members of a many-to-many (or a one-to-many its owner writes) as keys, after
	 * writing the related items given as objects.
	 */
	private @Nullable Object memberKeys(CallerPermissions permissions, CollectionSchema collection,
			@Nullable Object key, FieldSchema field, @Nullable Object raw) {
		CollectionSchema target = target(field);
		if (raw instanceof List<?> list) {
			List<@Nullable Object> keys = new ArrayList<>();
			for (Object item : list) {
				keys.add((item instanceof Map<?, ?> object) ? json(target, upsert(permissions, target, object(object)))
						: item);
			}
			return keys;
		}
		if (!(raw instanceof Map<?, ?> detailed)) {
			return raw;
		}
		Alterations alterations = Alterations.of(field, detailed);
		Set<Object> members = new LinkedHashSet<>();
		Object entity = (key != null) ? this.entityManager.find(collection.entityType(), key) : null;
		if (entity != null && field.accessor().get(entity) instanceof Collection<?> current) {
			current.forEach((member) -> members.add(identifier(Hibernate.unproxy(member))));
		}
		for (Map<String, ?> item : alterations.create()) {
			members.add(create(permissions, target, item));
		}
		for (Map<String, ?> item : alterations.update()) {
			Object memberKey = requireKey(target, item);
			updateNested(permissions, target, memberKey, item);
			members.add(memberKey);
		}
		alterations.delete().forEach((dropped) -> members.remove(key(target, dropped)));
		return members.stream().map((member) -> json(target, member)).toList();
	}

	Object requireKey(CollectionSchema collection, Map<String, ?> item) {
		Object raw = item.get(collection.primaryKey());
		if (raw == null) {
			throw TidingsException.invalidPayload("An item to update in a relation misses its primary key");
		}
		return key(collection, raw);
	}

	/** A related key as its collection's key type; one that does not fit is a 403. */
	static Object key(CollectionSchema collection, Object raw) {
		Object key;
		try {
			key = collection.primaryKeyField().codec().fromJson(raw);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw TidingsException.forbidden();
		}
		if (key == null) {
			throw TidingsException.forbidden();
		}
		return key;
	}

	static @Nullable Object json(CollectionSchema collection, Object key) {
		return collection.primaryKeyField().codec().toJson(key);
	}

	boolean exists(CollectionSchema collection, Object key) {
		return this.entityManager.find(collection.entityType(), key) != null;
	}

	Object identifier(Object entity) {
		return this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
	}

	CollectionSchema target(FieldSchema field) {
		return this.schemas.require(field.relation().relatedCollection());
	}

	@SuppressWarnings("unchecked")
	static Map<String, ?> object(Map<?, ?> object) {
		return (Map<String, ?>) object;
	}

	/** A payload parted into the item's own row and what is written after it. */
	private record Split(Map<String, @Nullable Object> own, Map<String, @Nullable Object> later) {
	}

}
