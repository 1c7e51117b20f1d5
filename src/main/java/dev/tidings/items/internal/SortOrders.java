package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;

/**
 * Builds ORDER BY with one behaviour on every database: nulls last ascending and first
 * descending, and text in Unicode code-point order. PostgreSQL compares text by its
 * collation, so there text is ordered by its UTF-8 bytes, which sort in code-point order.
 */
public final class SortOrders {

	private final SchemaRegistry schemas;

	private final boolean byteOrderedText;

	public SortOrders(SchemaRegistry schemas, boolean postgres) {
		this.schemas = schemas;
		this.byteOrderedText = postgres;
	}

	/** The orders for {@code sort}, or by primary key when none is given. */
	public List<Order> orders(List<SortField> sort, CriteriaBuilder cb, AbstractQuery<?> query,
			CollectionSchema collection, From<?, ?> root, SortVisibility visibility) {
		List<Order> orders = new ArrayList<>();
		for (SortField key : sort) {
			orders.add(order(key, cb, query, collection, root, visibility));
		}
		if (orders.isEmpty()) {
			orders.add(cb.asc(root.get(collection.primaryKeyField().attribute())));
		}
		return orders;
	}

	private Order order(SortField key, CriteriaBuilder cb, AbstractQuery<?> query, CollectionSchema collection,
			From<?, ?> root, SortVisibility visibility) {
		From<?, ?> owner = root;
		CollectionSchema current = collection;
		List<String> path = key.path();
		for (String segment : path.subList(0, path.size() - 1)) {
			FieldSchema relation = current.requireField(segment);
			if (!relation.isManyToOne()) {
				throw dev.tidings.errors.TidingsException
					.invalidQuery("Sorting through \"" + segment + "\" is not supported, only through many-to-one");
			}
			owner = owner.join(relation.attribute(), JoinType.LEFT);
			current = this.schemas.require(relation.relation().relatedCollection());
		}
		FieldSchema field = current.requireField(path.get(path.size() - 1));
		if (field.isOneToMany()) {
			throw dev.tidings.errors.TidingsException
				.invalidQuery("Sorting by the one-to-many field \"" + field.name() + "\" is not supported");
		}
		Path<?> column = owner.get(field.attribute());
		return order(visibility.of(cb, query, current, field, owner, column), field, key.descending(), cb);
	}

	/** The order by an expression holding the field's values. */
	public Order order(Expression<?> column, FieldSchema field, boolean descending, CriteriaBuilder cb) {
		Expression<?> sortable = (this.byteOrderedText && field.type().isText())
				? cb.function("convert_to", byte[].class, column, cb.literal("UTF8")) : column;
		return descending ? cb.desc(sortable, Nulls.FIRST) : cb.asc(sortable, Nulls.LAST);
	}

}
