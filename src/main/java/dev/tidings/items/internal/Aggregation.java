package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.AggregateFunction;
import dev.tidings.query.Filter;
import dev.tidings.query.Query;
import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldValues;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code aggregate} with {@code groupBy}: one row per group with the group fields
 * and, per function, either a number ({@code count=*}) or an object keyed by field.
 * Results are JSON numbers on every database.
 */
public final class Aggregation {

	private final EntityManager entityManager;

	private final SchemaRegistry schemas;

	private final SortOrders sortOrders;

	public Aggregation(EntityManager entityManager, SchemaRegistry schemas, SortOrders sortOrders) {
		this.entityManager = entityManager;
		this.schemas = schemas;
		this.sortOrders = sortOrders;
	}

	/**
	 * Aggregates the rows the filter selects. A field masked on some rows counts only
	 * where the caller sees it: it is aggregated and grouped as
	 * {@code CASE WHEN <its rule> THEN field END}, as Directus does.
	 */
	public List<Map<String, @Nullable Object>> aggregate(CollectionSchema collection, @Nullable Filter filter,
			Query query, CollectionGrants grants) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> criteria = cb.createTupleQuery();
		Root<?> root = criteria.from(collection.entityType());
		Visible visible = new Visible(cb, criteria, root, collection, grants);
		List<FieldSchema> groups = query.groupBy().stream().map((name) -> column(collection, name)).toList();
		List<Selection<?>> selections = new ArrayList<>();
		Map<String, Expression<?>> grouping = new LinkedHashMap<>();
		for (FieldSchema group : groups) {
			Expression<?> path = visible.of(group, root.get(group.attribute()));
			grouping.put(group.name(), path);
			selections.add(path.alias("g_" + group.name()));
		}
		query.aggregate().forEach((function, fields) -> {
			for (String field : fields) {
				selections.add(expression(cb, root, collection, function, field, visible)
					.alias("a_" + function.token() + "_" + field));
			}
		});
		criteria.multiselect(selections)
			.where(CriteriaFilter.toPredicate(filter, cb, criteria, this.schemas, collection, root))
			.groupBy(List.copyOf(grouping.values()));
		if (!groups.isEmpty()) {
			List<SortField> sort = query.sort().isEmpty() ? List.of(new SortField(List.of(groups.get(0).name()), false))
					: query.sort();
			List<Order> orders = new ArrayList<>();
			for (SortField key : sort) {
				String name = String.join(".", key.path());
				if (!grouping.containsKey(name)) {
					throw TidingsException.invalidQuery("Aggregated queries can only sort by a groupBy field");
				}
				// by the grouped expression itself, which may be masked
				orders.add(
						this.sortOrders.order(grouping.get(name), collection.requireField(name), key.descending(), cb));
			}
			criteria.orderBy(orders);
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Tuple tuple : ItemReader.page(this.entityManager.createQuery(criteria), query).getResultList()) {
			rows.add(row(tuple, groups, query));
		}
		return rows;
	}

	/** A field's expression as the caller may see it. */
	private final class Visible {

		private final CriteriaBuilder cb;

		private final CriteriaQuery<?> criteria;

		private final Root<?> root;

		private final CollectionSchema collection;

		private final CollectionGrants grants;

		Visible(CriteriaBuilder cb, CriteriaQuery<?> criteria, Root<?> root, CollectionSchema collection,
				CollectionGrants grants) {
			this.cb = cb;
			this.criteria = criteria;
			this.root = root;
			this.collection = collection;
			this.grants = grants;
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Expression<?> of(FieldSchema field, Expression<?> column) {
			Filter rule = this.grants.fieldRule(field.name());
			if (rule == null) {
				return column;
			}
			Expression value = field.isManyToOne() ? keyOf(field) : column;
			return this.cb.selectCase()
				.when(CriteriaFilter.toPredicate(rule, this.cb, this.criteria, Aggregation.this.schemas,
						this.collection, this.root), value);
		}

		private Expression<?> keyOf(FieldSchema field) {
			CollectionSchema related = Aggregation.this.schemas.require(field.relation().relatedCollection());
			return this.root.get(field.attribute()).get(related.primaryKeyField().attribute());
		}

	}

	private static Map<String, @Nullable Object> row(Tuple tuple, List<FieldSchema> groups, Query query) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (FieldSchema group : groups) {
			row.put(group.name(), FieldValues.toJson(tuple.get("g_" + group.name())));
		}
		query.aggregate().forEach((function, fields) -> {
			if (function == AggregateFunction.COUNT && fields.equals(List.of("*"))) {
				row.put(function.token(), tuple.get("a_count_*"));
				return;
			}
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			for (String field : fields) {
				values.put(field, FieldValues.toJson(tuple.get("a_" + function.token() + "_" + field)));
			}
			row.put(function.token(), values);
		});
		return row;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression<?> expression(CriteriaBuilder cb, Root<?> root, CollectionSchema collection,
			AggregateFunction function, String field, Visible visible) {
		if (field.equals("*")) {
			if (function != AggregateFunction.COUNT) {
				throw TidingsException.invalidQuery("\"" + function.token() + "\" needs a field, not \"*\"");
			}
			return cb.count(root);
		}
		FieldSchema column = column(collection, field);
		Expression path = visible.of(column, root.get(column.attribute()));
		boolean numeric = column.type().isNumeric();
		return switch (function) {
			case COUNT -> cb.count(path);
			case COUNT_DISTINCT -> cb.countDistinct(path);
			case SUM -> numeric ? cb.sum(path) : notNumeric(function, column);
			case AVG -> numeric ? cb.avg(path) : notNumeric(function, column);
			case MIN -> (numeric || column.type().isTemporal()) ? cb.min(path) : notNumeric(function, column);
			case MAX -> (numeric || column.type().isTemporal()) ? cb.max(path) : notNumeric(function, column);
		};
	}

	private static Expression<?> notNumeric(AggregateFunction function, FieldSchema field) {
		throw TidingsException.invalidQuery("\"" + function.token() + "\" cannot be applied to the "
				+ field.type().name().toLowerCase() + " field \"" + field.name() + "\"");
	}

	private static FieldSchema column(CollectionSchema collection, String name) {
		FieldSchema field = collection.requireField(name);
		if (field.isOneToMany()) {
			throw TidingsException.invalidQuery("Cannot aggregate or group by the one-to-many field \"" + name + "\"");
		}
		return field;
	}

}
