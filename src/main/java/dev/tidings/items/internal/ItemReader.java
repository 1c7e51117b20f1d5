package dev.tidings.items.internal;

import java.util.List;
import java.util.Map;

import dev.tidings.query.BoundFilter;
import dev.tidings.query.Query;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

/**
 * Runs reads with the Criteria API: rows selected by a bound filter, ordered, paged and
 * rendered, and the counts of {@code meta}.
 */
public final class ItemReader {

	/** Directus's {@code QUERY_LIMIT_DEFAULT}. */
	private final EntityManager entityManager;

	private final SortOrders sortOrders;

	private final ItemRenderer renderer;

	public ItemReader(EntityManager entityManager, SchemaRegistry schemas, SortOrders sortOrders) {
		this.entityManager = entityManager;
		this.sortOrders = sortOrders;
		this.renderer = new ItemRenderer(entityManager, schemas, sortOrders);
	}

	/** The entities a bound filter selects, in the query's order and page. */
	public List<?> entities(CollectionSchema collection, @Nullable BoundFilter filter, Query query,
			VisibleValues visibility) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object> criteria = cb.createQuery(Object.class);
		Root<?> root = criteria.from(collection.entityType());
		criteria.select(root)
			.where(CriteriaFilter.toPredicate(filter, cb, criteria, root))
			.orderBy(this.sortOrders.orders(query.sort(), cb, criteria, collection, root, visibility));
		return page(this.entityManager.createQuery(criteria), query).getResultList();
	}

	/**
	 * Applies {@code limit}, {@code offset} and {@code page}, with Directus's default
	 * limit.
	 */
	static <T> TypedQuery<T> page(TypedQuery<T> typed, Query query) {
		int limit = (query.limit() != null) ? query.limit() : Query.DEFAULT_LIMIT;
		if (limit >= 0) {
			typed.setMaxResults(limit);
		}
		int offset = offset(query, limit);
		if (offset > 0) {
			typed.setFirstResult(offset);
		}
		return typed;
	}

	/**
	 * The keys of the rows a bound filter selects, in the query's order and page, without
	 * loading any entity.
	 */
	public List<Object> keys(CollectionSchema collection, @Nullable BoundFilter filter, Query query,
			VisibleValues visibility) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object> criteria = cb.createQuery(Object.class);
		Root<?> root = criteria.from(collection.entityType());
		criteria.select(AttributePaths.of(root, collection.primaryKeyField()))
			.where(CriteriaFilter.toPredicate(filter, cb, criteria, root))
			.orderBy(this.sortOrders.orders(query.sort(), cb, criteria, collection, root, visibility));
		return page(this.entityManager.createQuery(criteria), query).getResultList();
	}

	public List<Map<String, @Nullable Object>> read(CollectionSchema collection, @Nullable BoundFilter filter,
			Query query, Selection selection, FieldMask mask, VisibleValues visibility) {
		return this.renderer.render(entities(collection, filter, query, visibility), selection, mask, visibility);
	}

	public long count(CollectionSchema collection, @Nullable BoundFilter filter) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> criteria = cb.createQuery(Long.class);
		Root<?> root = criteria.from(collection.entityType());
		criteria.select(cb.count(root)).where(CriteriaFilter.toPredicate(filter, cb, criteria, root));
		return this.entityManager.createQuery(criteria).getSingleResult();
	}

	/**
	 * {@code page} wins over {@code offset}, even {@code page=1}, and is ignored without
	 * a limit or with {@code limit=0}, as in Directus.
	 */
	private static int offset(Query query, int limit) {
		if (query.page() != null && query.page() >= 1 && limit > 0) {
			return limit * (query.page() - 1);
		}
		return (query.offset() != null) ? query.offset() : 0;
	}

}
