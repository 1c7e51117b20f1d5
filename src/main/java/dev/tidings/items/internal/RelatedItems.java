package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.query.BoundFilter;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

/**
 * Reads the related items of all parents of one level at once: one query per relation and
 * chunk of parents instead of one per parent, filtered and ordered in SQL, each parent's
 * list then sliced in memory as Directus slices it.
 */
final class RelatedItems {

	/** Parents per query, well below every database's limit on bound parameters. */
	private static final int CHUNK = 500;

	private final EntityManager entityManager;

	private final SortOrders sortOrders;

	RelatedItems(EntityManager entityManager, SortOrders sortOrders) {
		this.entityManager = entityManager;
		this.sortOrders = sortOrders;
	}

	/**
	 * Each parent's related items (by the parent's key) that the query's filter keeps, in
	 * its order; parents without any are absent.
	 */
	Map<Object, List<Object>> lists(CollectionSchema parent, List<Object> keys, FieldSchema field,
			CollectionSchema child, NestedQuery query, VisibleValues visibility) {
		return perParent(parent, keys, field,
				(cb, criteria, key, related, ofChunk) -> criteria.multiselect(key, related)
					.where(ofChunk, CriteriaFilter.toPredicate(query.filter(), cb, criteria, related))
					.orderBy(this.sortOrders.orders(query.sort(), cb, criteria, child, related, visibility)));
	}

	/**
	 * Each parent's children's keys through a one-to-many, all of them, in the order a
	 * list without a sort takes (by the child's key); parents without any are absent.
	 * Reads the keys only, never the children's rows.
	 */
	Map<Object, List<Object>> childKeys(CollectionSchema parent, List<Object> keys, FieldSchema field,
			CollectionSchema child) {
		return perParent(parent, keys, field,
				(cb, criteria, key, related, ofChunk) -> criteria
					.multiselect(key, AttributePaths.of(related, child.primaryKeyField()))
					.where(ofChunk)
					.orderBy(this.sortOrders.byKey(cb, child, related)));
	}

	/**
	 * Runs the query {@code shape} makes of the parents joined to their related items,
	 * once per chunk of parents, and lists what it selects after the parent's key, per
	 * parent, in its order.
	 */
	private Map<Object, List<Object>> perParent(CollectionSchema parent, List<Object> keys, FieldSchema field,
			PerParent shape) {
		Map<Object, List<Object>> lists = new HashMap<>();
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		for (List<Object> chunk : chunks(keys)) {
			CriteriaQuery<Object[]> criteria = cb.createQuery(Object[].class);
			Root<?> root = criteria.from(parent.entityType());
			Path<?> key = AttributePaths.of(root, parent.primaryKeyField());
			shape.shape(cb, criteria, key, join(root, field), key.in(chunk));
			for (Object[] row : this.entityManager.createQuery(criteria).getResultList()) {
				lists.computeIfAbsent(row[0], (ignored) -> new ArrayList<>()).add(row[1]);
			}
		}
		return lists;
	}

	/**
	 * How many related items the filter keeps per parent key; parents with none absent.
	 */
	Map<Object, Long> counts(CollectionSchema parent, List<Object> keys, FieldSchema field,
			@Nullable BoundFilter filter) {
		Map<Object, Long> counts = new HashMap<>();
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		for (List<Object> chunk : chunks(keys)) {
			CriteriaQuery<Object[]> criteria = cb.createQuery(Object[].class);
			Root<?> root = criteria.from(parent.entityType());
			From<?, ?> related = join(root, field);
			Path<?> key = AttributePaths.of(root, parent.primaryKeyField());
			criteria.multiselect(key, cb.count(related))
				.where(key.in(chunk), CriteriaFilter.toPredicate(filter, cb, criteria, related))
				.groupBy(key);
			for (Object[] row : this.entityManager.createQuery(criteria).getResultList()) {
				counts.put(row[0], (Long) row[1]);
			}
		}
		return counts;
	}

	/** The keys among {@code keys} of the items of the collection the filter keeps. */
	Set<Object> matching(CollectionSchema collection, List<Object> keys, BoundFilter filter) {
		Set<Object> matching = new HashSet<>();
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		for (List<Object> chunk : chunks(keys)) {
			CriteriaQuery<Object> criteria = cb.createQuery(Object.class);
			Root<?> root = criteria.from(collection.entityType());
			Path<?> key = AttributePaths.of(root, collection.primaryKeyField());
			criteria.select(key).where(key.in(chunk), CriteriaFilter.toPredicate(filter, cb, criteria, root));
			matching.addAll(this.entityManager.createQuery(criteria).getResultList());
		}
		return matching;
	}

	private static From<?, ?> join(Root<?> root, FieldSchema field) {
		From<?, ?> from = root;
		for (String attribute : field.attributePath()) {
			from = from.join(attribute);
		}
		return from;
	}

	private static List<List<Object>> chunks(List<Object> keys) {
		List<List<Object>> chunks = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += CHUNK) {
			chunks.add(keys.subList(from, Math.min(from + CHUNK, keys.size())));
		}
		return chunks;
	}

	/**
	 * Makes a query of parents joined to their related items select the parent's key and
	 * a value per related item, for the parents of one chunk, in some order.
	 */
	@FunctionalInterface
	private interface PerParent {

		void shape(CriteriaBuilder cb, CriteriaQuery<Object[]> criteria, Path<?> key, From<?, ?> related,
				Predicate ofChunk);

	}

}
