package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tidings.items.internal.Aggregation.Measure;
import dev.tidings.query.BoundFilter;
import dev.tidings.schema.CollectionSchema;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaDerivedRoot;
import org.hibernate.query.criteria.JpaSubQuery;
import org.jspecify.annotations.Nullable;

/**
 * The values an aggregate groups and measures, as the caller sees them, with the query's
 * filter applied. Read straight from the collection's rows, or, when a grouped field is
 * masked on some rows, from a derived table of the visible values: a masked value is a
 * {@code CASE WHEN} with bind parameters, which PostgreSQL does not recognise as the same
 * expression in the select list, {@code GROUP BY} and {@code ORDER BY}; a column of a
 * derived table it does.
 */
final class AggregatedValues {

	private final Function<String, Expression<?>> groups;

	private final Function<Measure, Expression<?>> measures;

	private final Expression<Long> rows;

	private AggregatedValues(Function<String, Expression<?>> groups, Function<Measure, Expression<?>> measures,
			Expression<Long> rows) {
		this.groups = groups;
		this.measures = measures;
		this.rows = rows;
	}

	static AggregatedValues direct(CollectionSchema collection, @Nullable BoundFilter filter, VisibleValues visible,
			CriteriaBuilder cb, JpaCriteriaQuery<Tuple> criteria) {
		Root<?> root = criteria.from(collection.entityType());
		criteria.where(CriteriaFilter.toPredicate(filter, cb, criteria, root));
		return new AggregatedValues((group) -> visible.of(Aggregation.path(group), collection, cb, criteria, root),
				(measure) -> visible.of(Aggregation.path(measure.field()), collection, cb, criteria, root),
				cb.count(root));
	}

	static AggregatedValues derived(CollectionSchema collection, @Nullable BoundFilter filter, List<String> groups,
			List<Measure> measures, VisibleValues visible, CriteriaBuilder cb, JpaCriteriaQuery<Tuple> criteria) {
		JpaSubQuery<Tuple> rows = criteria.subquery(Tuple.class);
		Root<?> root = rows.from(collection.entityType());
		List<Selection<?>> columns = new ArrayList<>();
		// the key is never null, so counting it counts rows
		columns.add(AttributePaths.of(root, collection.primaryKeyField()).alias("k"));
		// one column per field: the derived table names its columns after them
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> named = new ArrayList<>(groups);
		measures.stream().map(Measure::field).filter((field) -> !field.equals("*")).forEach(named::add);
		for (String field : named) {
			if (!fields.containsKey(field)) {
				String alias = "v" + fields.size();
				fields.put(field, alias);
				columns.add(visible.of(Aggregation.path(field), collection, cb, rows, root).alias(alias));
			}
		}
		rows.multiselect(columns).where(CriteriaFilter.toPredicate(filter, cb, rows, root));
		JpaDerivedRoot<Tuple> table = criteria.from(rows);
		return new AggregatedValues((group) -> table.get(fields.get(group)),
				(measure) -> table.get(fields.get(measure.field())), cb.count(table.get("k")));
	}

	Expression<?> group(String group) {
		return this.groups.apply(group);
	}

	Expression<?> measured(Measure measure) {
		return this.measures.apply(measure);
	}

	/** The number of rows. */
	Expression<Long> rows() {
		return this.rows;
	}

}
