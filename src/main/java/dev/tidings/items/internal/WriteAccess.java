package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.FilterOperator;
import dev.tidings.query.Variables;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

/**
 * Enforces write permissions inside the write transaction, before the writer runs. For
 * updates and deletes the target rows are locked first and the grants' rules decided on
 * the locked rows, so nothing can change them between the check and the write (Directus
 * checks outside its write transaction). Failing checks throw, which rolls back all the
 * request has written. Admins skip every check.
 */
public final class WriteAccess {

	private final EntityManager entityManager;

	private final SchemaRegistry schemas;

	private final PayloadValidation validation;

	public WriteAccess(EntityManager entityManager, SchemaRegistry schemas) {
		this.entityManager = entityManager;
		this.schemas = schemas;
		this.validation = new PayloadValidation(schemas);
	}

	/**
	 * The payload to create, with the create presets under it, once its fields are
	 * granted and it passes every grant's validation.
	 */
	public Map<String, ?> create(CallerPermissions permissions, CollectionSchema collection, Map<String, ?> payload) {
		if (permissions.admin()) {
			return payload;
		}
		CollectionGrants grants = permissions.require(collection, Action.CREATE);
		for (String field : payload.keySet()) {
			requireGranted(grants.grants(), collection, field, false);
		}
		return validated(grants, payload, permissions.variables());
	}

	/**
	 * The payloads to write, one per key, each with the update presets under it. Every
	 * key must exist and be reached by a grant's rule, and every field of its payload
	 * must be listed by a grant whose rule reaches that key; else 403.
	 */
	public List<Map<String, ?>> update(CallerPermissions permissions, CollectionSchema collection, List<Object> keys,
			List<? extends Map<String, ?>> payloads) {
		if (permissions.admin()) {
			return List.copyOf(payloads);
		}
		CollectionGrants grants = permissions.require(collection, Action.UPDATE);
		for (Map<String, ?> payload : payloads) {
			for (String field : payload.keySet()) {
				requireGranted(grants.grants(), collection, field, true);
			}
		}
		Map<Object, List<BoundGrant>> reaching = lockAndDecide(collection, keys, grants);
		List<Map<String, ?>> written = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			List<BoundGrant> holders = reachable(reaching, keys.get(i));
			for (String field : payloads.get(i).keySet()) {
				requireGranted(holders, collection, field, true);
			}
			written.add(validated(grants, payloads.get(i), permissions.variables()));
		}
		return written;
	}

	/** Every key must exist and be reached by a delete grant's rule; else 403. */
	public void delete(CallerPermissions permissions, CollectionSchema collection, List<Object> keys) {
		if (permissions.admin()) {
			return;
		}
		CollectionGrants grants = permissions.require(collection, Action.DELETE);
		Map<Object, List<BoundGrant>> reaching = lockAndDecide(collection, keys, grants);
		keys.forEach((key) -> reachable(reaching, key));
	}

	/**
	 * Writing the inverse side of a relation writes the owning field of every related
	 * item it gains or loses, so the caller must be allowed to update that field on each
	 * of them, as if it had written them itself. A key that does not convert is left to
	 * the writer to refuse. The payload's related items are keys by now: nested items
	 * were written, and checked, as items of their own.
	 */
	void requireLinks(CallerPermissions permissions, CollectionSchema collection, @Nullable Object key,
			Map<String, ?> payload) {
		if (permissions.admin()) {
			return;
		}
		Object entity = (key != null) ? this.entityManager.find(collection.entityType(), key) : null;
		payload.forEach((name, raw) -> {
			FieldSchema field = collection.requireField(name);
			if (field.relation() == null || field.relation().owning()) {
				return;
			}
			CollectionSchema target = this.schemas.require(field.relation().relatedCollection());
			Set<Object> touched = new LinkedHashSet<>();
			Object current = (entity != null) ? field.accessor().get(entity) : null;
			for (Object related : items(current)) {
				touched
					.add(this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(related));
			}
			for (Object given : items(raw)) {
				try {
					touched.add(target.primaryKeyField().codec().fromJson(given));
				}
				catch (IllegalArgumentException | ArithmeticException ex) {
					return;
				}
			}
			CollectionGrants grants = permissions.require(target, Action.UPDATE);
			Map<Object, List<BoundGrant>> reaching = lockAndDecide(target, new ArrayList<>(touched), grants);
			for (Object related : touched) {
				requireGranted(reachable(reaching, related), target, field.relation().mappedBy(), true);
			}
		});
	}

	/** A relation's value as its items: the members, the one item, or none. */
	private static Collection<?> items(@Nullable Object value) {
		if (value instanceof Collection<?> members) {
			return members;
		}
		return (value != null) ? List.of(value) : List.of();
	}

	/**
	 * Locks the rows by key alone (PostgreSQL refuses FOR UPDATE on the nullable side of
	 * an outer join, which a rule through a relation would need), in key order so that
	 * concurrent batches cannot deadlock, then asks the database which keys each rule
	 * selects. The database, not the loaded entities, answers because it sees the state
	 * the lock now protects, even for rows this transaction had loaded before; and rules
	 * through relations need no related rows loaded.
	 */
	private Map<Object, List<BoundGrant>> lockAndDecide(CollectionSchema collection, List<Object> keys,
			CollectionGrants grants) {
		Set<Object> existing = new HashSet<>(select(collection, keys, null, true));
		Map<Object, List<BoundGrant>> reaching = new LinkedHashMap<>();
		for (BoundGrant grant : grants.grants()) {
			List<Object> selected = grant.unrestricted() ? List.copyOf(existing)
					: select(collection, List.copyOf(existing), grant.rule(), false);
			selected.forEach((key) -> reaching.computeIfAbsent(key, (k) -> new ArrayList<>()).add(grant));
		}
		return reaching;
	}

	private List<Object> select(CollectionSchema collection, List<Object> keys, @Nullable BoundFilter rule,
			boolean lock) {
		if (keys.isEmpty()) {
			return List.of();
		}
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object> criteria = cb.createQuery(Object.class);
		Root<?> root = criteria.from(collection.entityType());
		BoundFilter byKeys = new BoundFilter.Condition(FieldPath.of(collection, collection.primaryKey(), this.schemas),
				FilterOperator.IN, keys);
		BoundFilter filter = (rule != null) ? new BoundFilter.And(List.of(byKeys, rule)) : byKeys;
		var key = AttributePaths.of(root, collection.primaryKeyField());
		criteria.select(key).where(CriteriaFilter.toPredicate(filter, cb, criteria, root)).orderBy(cb.asc(key));
		var query = this.entityManager.createQuery(criteria);
		if (lock) {
			query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
		}
		return query.getResultList();
	}

	/** The grants reaching the key; a missing key is as forbidden as one out of reach. */
	private static List<BoundGrant> reachable(Map<Object, List<BoundGrant>> reaching, Object key) {
		List<BoundGrant> holders = reaching.get(key);
		if (holders == null) {
			throw TidingsException.forbidden();
		}
		return holders;
	}

	/**
	 * A 403 unless one of the holders lists the field. The key in an update payload only
	 * names the item; the writer refuses changing it.
	 */
	private static void requireGranted(List<BoundGrant> holders, CollectionSchema collection, String field,
			boolean updating) {
		collection.requireField(field);
		if (updating && field.equals(collection.primaryKey())) {
			return;
		}
		if (holders.stream().noneMatch((grant) -> grant.allowsField(field))) {
			throw TidingsException.forbiddenField(field, collection.name());
		}
	}

	/** The presets of all grants (later ones win) under the payload, validated. */
	private Map<String, ?> validated(CollectionGrants grants, Map<String, ?> payload, Variables variables) {
		Map<String, @Nullable Object> merged = new LinkedHashMap<>();
		for (BoundGrant grant : grants.grants()) {
			// as JSON, like the payload: $CURRENT_USER becomes the key's text, $NOW a
			// timestamp
			grant.grant()
				.presets()
				.forEach((field, raw) -> merged.put(field, FieldCodec.wire(variables.substitute(raw))));
		}
		merged.putAll(payload);
		this.validation.check(grants, merged, variables);
		return merged;
	}

}
