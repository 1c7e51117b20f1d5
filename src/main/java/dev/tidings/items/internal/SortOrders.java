package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldType;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;

/**
 * Builds ORDER BY with one behaviour on every database: nulls last ascending and first
 * descending, and text in Unicode code-point order. PostgreSQL compares text by its
 * collation, so there text is ordered by its UTF-8 bytes, which sort in code-point order.
 */
public final class SortOrders {

	private final boolean byteOrderedText;

	public SortOrders(boolean postgres) {
		this.byteOrderedText = postgres;
	}

	/** The orders for {@code sort}, or by primary key when none is given. */
	public List<Order> orders(List<SortField> sort, CriteriaBuilder cb, AbstractQuery<?> query,
			CollectionSchema collection, From<?, ?> root, VisibleValues visible) {
		List<Order> orders = new ArrayList<>();
		for (SortField key : sort) {
			FieldType type = visible.type(collection, key.path());
			orders.add(order(visible.of(key.path(), collection, cb, query, root), type, key.descending(), cb));
		}
		if (orders.isEmpty()) {
			orders.add(byKey(cb, collection, root));
		}
		return orders;
	}

	/** The order of a list without a sort: by the collection's key. */
	public Order byKey(CriteriaBuilder cb, CollectionSchema collection, From<?, ?> root) {
		return cb.asc(AttributePaths.of(root, collection.primaryKeyField()));
	}

	/** The order by an expression holding values of the given type. */
	public Order order(Expression<?> column, FieldType type, boolean descending, CriteriaBuilder cb) {
		Expression<?> sortable = (this.byteOrderedText && type.isText())
				? cb.function("convert_to", byte[].class, column, cb.literal("UTF8")) : column;
		return descending ? cb.desc(sortable, Nulls.FIRST) : cb.asc(sortable, Nulls.LAST);
	}

}
