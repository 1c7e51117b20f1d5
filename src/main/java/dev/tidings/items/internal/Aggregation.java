package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.AggregateFunction;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Query;
import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldCodec;
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
 * Results are JSON numbers on every database. Group and aggregate fields may be paths
 * through to-one relations ({@code article.status}); the result is keyed by the path as
 * given.
 */
public final class Aggregation {

	private final EntityManager entityManager;

	private final SortOrders sortOrders;

	public Aggregation(EntityManager entityManager, SortOrders sortOrders) {
		this.entityManager = entityManager;
		this.sortOrders = sortOrders;
	}

	/**
	 * Aggregates the rows the filter selects. Every value is taken as the caller sees it
	 * ({@link VisibleValues}): a to-one relation as its key, and a field masked on some
	 * rows as null there, so it counts only where the caller sees it, as Directus does
	 * with its {@code CASE WHEN}.
	 */
	public List<Map<String, @Nullable Object>> aggregate(CollectionSchema collection, @Nullable BoundFilter filter,
			Query query, VisibleValues visible) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> criteria = cb.createTupleQuery();
		Root<?> root = criteria.from(collection.entityType());
		List<String> groups = query.groupBy().stream().distinct().toList();
		List<Measure> measures = measures(query);
		List<Selection<?>> selections = new ArrayList<>();
		Map<String, Expression<?>> grouping = new LinkedHashMap<>();
		for (String group : groups) {
			Expression<?> value = visible.of(path(group), collection, cb, criteria, root);
			grouping.put(group, value);
			selections.add(value.alias("g" + selections.size()));
		}
		for (Measure measure : measures) {
			selections.add(expression(cb, root, collection, measure, visible, criteria).alias(measure.alias()));
		}
		criteria.multiselect(selections)
			.where(CriteriaFilter.toPredicate(filter, cb, criteria, root))
			.groupBy(List.copyOf(grouping.values()));
		if (!groups.isEmpty()) {
			criteria.orderBy(orders(query, groups, grouping, collection, visible, cb));
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Tuple tuple : ItemReader.page(this.entityManager.createQuery(criteria), query).getResultList()) {
			rows.add(row(tuple, groups, measures));
		}
		return rows;
	}

	/** Sorted by group fields only, by the grouped expressions themselves. */
	private List<Order> orders(Query query, List<String> groups, Map<String, Expression<?>> grouping,
			CollectionSchema collection, VisibleValues visible, CriteriaBuilder cb) {
		List<SortField> sort = query.sort().isEmpty() ? List.of(new SortField(path(groups.get(0)), false))
				: query.sort();
		List<Order> orders = new ArrayList<>();
		for (SortField key : sort) {
			Expression<?> grouped = grouping.get(String.join(".", key.path()));
			if (grouped == null) {
				throw TidingsException.invalidQuery("Aggregated queries can only sort by a groupBy field");
			}
			orders.add(this.sortOrders.order(grouped, visible.field(collection, key.path()), key.descending(), cb));
		}
		return orders;
	}

	private static List<Measure> measures(Query query) {
		List<Measure> measures = new ArrayList<>();
		query.aggregate()
			.forEach((function, fields) -> fields
				.forEach((field) -> measures.add(new Measure(function, field, "a" + measures.size()))));
		return measures;
	}

	private static Map<String, @Nullable Object> row(Tuple tuple, List<String> groups, List<Measure> measures) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (int i = 0; i < groups.size(); i++) {
			row.put(groups.get(i), FieldCodec.wire(tuple.get("g" + i)));
		}
		for (Measure measure : measures) {
			Object value = tuple.get(measure.alias());
			if (measure.function() == AggregateFunction.COUNT && measure.field().equals("*")) {
				row.put(measure.function().token(), value);
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, @Nullable Object> values = (Map<String, @Nullable Object>) row
				.computeIfAbsent(measure.function().token(), (token) -> new LinkedHashMap<String, Object>());
			values.put(measure.field(), FieldCodec.wire(value));
		}
		return row;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression<?> expression(CriteriaBuilder cb, Root<?> root, CollectionSchema collection,
			Measure measure, VisibleValues visible, CriteriaQuery<?> criteria) {
		AggregateFunction function = measure.function();
		if (measure.field().equals("*")) {
			if (function != AggregateFunction.COUNT) {
				throw TidingsException.invalidQuery("\"" + function.token() + "\" needs a field, not \"*\"");
			}
			return cb.count(root);
		}
		List<String> path = path(measure.field());
		FieldSchema field = visible.field(collection, path);
		Expression value = visible.of(path, collection, cb, criteria, root);
		boolean numeric = field.type().isNumeric();
		return switch (function) {
			case COUNT -> cb.count(value);
			case COUNT_DISTINCT -> cb.countDistinct(value);
			case SUM -> numeric ? cb.sum(value) : notNumeric(function, field);
			case AVG -> numeric ? cb.avg(value) : notNumeric(function, field);
			case MIN -> (numeric || field.type().isTemporal()) ? cb.min(value) : notNumeric(function, field);
			case MAX -> (numeric || field.type().isTemporal()) ? cb.max(value) : notNumeric(function, field);
		};
	}

	private static Expression<?> notNumeric(AggregateFunction function, FieldSchema field) {
		throw TidingsException.invalidQuery("\"" + function.token() + "\" cannot be applied to the "
				+ field.type().name().toLowerCase() + " field \"" + field.name() + "\"");
	}

	private static List<String> path(String field) {
		return Arrays.asList(field.split("\\.", -1));
	}

	/** One aggregate function of one field, and the alias of its column. */
	private record Measure(AggregateFunction function, String field, String alias) {
	}

}
