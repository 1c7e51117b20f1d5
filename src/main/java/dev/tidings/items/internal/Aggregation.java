package dev.tidings.items.internal;

import java.math.BigInteger;
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
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.FunctionPath;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Selection;
import org.hibernate.query.criteria.JpaCriteriaQuery;
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
		JpaCriteriaQuery<Tuple> criteria = (JpaCriteriaQuery<Tuple>) cb.createTupleQuery();
		List<String> groups = query.groupBy().stream().distinct().toList();
		List<Measure> measures = measures(query);
		AggregatedValues values = derived(collection, groups, measures, visible)
				? AggregatedValues.derived(collection, filter, groups, measures, visible, cb, criteria)
				: AggregatedValues.direct(collection, filter, visible, cb, criteria);
		List<Selection<?>> selections = new ArrayList<>();
		Map<String, Expression<?>> grouping = new LinkedHashMap<>();
		for (String group : groups) {
			Expression<?> value = values.group(group);
			grouping.put(group, value);
			selections.add(value.alias("g" + selections.size()));
		}
		for (Measure measure : measures) {
			selections.add(expression(cb, values, collection, measure, visible).alias(measure.alias()));
		}
		criteria.multiselect(selections).groupBy(List.copyOf(grouping.values()));
		if (!groups.isEmpty()) {
			criteria.orderBy(orders(query, groups, grouping, collection, visible, cb));
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Tuple tuple : ItemReader.page(this.entityManager.createQuery(criteria), query).getResultList()) {
			rows.add(row(tuple, groups, measures));
		}
		return rows;
	}

	/**
	 * Whether to aggregate over a derived table of the visible values: when a grouped
	 * field is masked on some rows. Hibernate cannot yet join inside a derived table, so
	 * paths through relations stay on the rows themselves.
	 */
	private static boolean derived(CollectionSchema collection, List<String> groups, List<Measure> measures,
			VisibleValues visible) {
		boolean relational = groups.stream().anyMatch((group) -> group.contains("."))
				|| measures.stream().anyMatch((measure) -> measure.field().contains("."));
		return !relational && groups.stream().anyMatch((group) -> visible.masked(path(group), collection));
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
			orders.add(this.sortOrders.order(grouped, visible.type(collection, key.path()), key.descending(), cb));
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
			row.put(FunctionPath.resultKey(path(groups.get(i))), FieldCodec.wire(tuple.get("g" + i)));
		}
		for (Measure measure : measures) {
			Object value = tuple.get(measure.alias());
			if (measure.countsRows()) {
				row.put(measure.function().token(), value);
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, @Nullable Object> values = (Map<String, @Nullable Object>) row
				.computeIfAbsent(measure.function().token(), (token) -> new LinkedHashMap<String, Object>());
			values.put(measure.field(), FieldCodec.wire(compact(value)));
		}
		return row;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression<?> expression(CriteriaBuilder cb, AggregatedValues values, CollectionSchema collection,
			Measure measure, VisibleValues visible) {
		AggregateFunction function = measure.function();
		if (measure.field().equals("*")) {
			if (!measure.countsRows()) {
				throw TidingsException.invalidQuery("\"" + function.token() + "\" needs a field, not \"*\"");
			}
			return values.rows();
		}
		if (function == AggregateFunction.COUNT_ALL) {
			return values.rows();
		}
		FieldType type = visible.type(collection, path(measure.field()));
		Expression value = values.measured(measure);
		boolean numeric = type.isNumeric();
		// text and dates have an order, so they have a least and a greatest value too
		boolean ordered = numeric || type.isTemporal() || type.isText();
		return switch (function) {
			case COUNT -> cb.count(value);
			case COUNT_DISTINCT -> cb.countDistinct(value);
			case COUNT_ALL -> values.rows();
			case SUM -> numeric ? cb.sum(exact(value, type)) : notNumeric(function, type, measure.field());
			case SUM_DISTINCT -> numeric ? DistinctAggregates.of("sum", exact(value, type), cb)
					: notNumeric(function, type, measure.field());
			case AVG -> numeric ? cb.avg(exact(value, type)) : notNumeric(function, type, measure.field());
			case AVG_DISTINCT -> numeric ? DistinctAggregates.of("avg", exact(value, type), cb)
					: notNumeric(function, type, measure.field());
			case MIN -> ordered ? cb.least(value) : notNumeric(function, type, measure.field());
			case MAX -> ordered ? cb.greatest(value) : notNumeric(function, type, measure.field());
		};
	}

	/**
	 * An integer sum in the smallest type that holds it (the column's own where it fits),
	 * so callers in Java see the types they saw before sums were unbounded.
	 */
	private static @Nullable Object compact(@Nullable Object value) {
		if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
			return (big.bitLength() < Integer.SIZE) ? (Object) big.intValue() : (Object) big.longValue();
		}
		return value;
	}

	/**
	 * Integers summed and averaged unbounded: a sum outgrows the column's type (reading
	 * it back as that type fails), and H2 averages big integers in floating point.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression exact(Expression value, FieldType type) {
		return (type == FieldType.INTEGER || type == FieldType.BIG_INTEGER) ? value.as(BigInteger.class) : value;
	}

	private static Expression<?> notNumeric(AggregateFunction function, FieldType type, String field) {
		throw TidingsException.invalidQuery("\"" + function.token() + "\" cannot be applied to the "
				+ type.name().toLowerCase() + " field \"" + field + "\"");
	}

	static List<String> path(String field) {
		return Arrays.asList(field.split("\\.", -1));
	}

	/** One aggregate function of one field, and the alias of its column. */
	record Measure(AggregateFunction function, String field, String alias) {

		/**
		 * Whether the measure counts rows: a plain number in the result, not per field.
		 */
		boolean countsRows() {
			return this.function == AggregateFunction.COUNT_ALL
					|| (this.function == AggregateFunction.COUNT && this.field.equals("*"));
		}

	}

}
