package dev.tidings.items.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.query.Filter;
import dev.tidings.query.FilterOperator;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.jspecify.annotations.Nullable;

/**
 * Translates a bound {@link Filter} into a JPA Criteria predicate. It must select exactly
 * the rows the in-memory {@code RowMatcher} admits (a differential test holds both to
 * that): many-to-one paths are left joins, so a missing related row compares as null;
 * one-to-many conditions are correlated {@code EXISTS} subqueries; negated operators
 * never match null, as in SQL.
 */
public final class CriteriaFilter implements Filter.Visitor<Predicate> {

	private static final char ESCAPE = '\\';

	private final CriteriaBuilder cb;

	private final AbstractQuery<?> query;

	private final SchemaRegistry schemas;

	private final CollectionSchema collection;

	private final From<?, ?> from;

	private final Map<List<String>, Join<?, ?>> joins = new HashMap<>();

	private CriteriaFilter(CriteriaBuilder cb, AbstractQuery<?> query, SchemaRegistry schemas,
			CollectionSchema collection, From<?, ?> from) {
		this.cb = cb;
		this.query = query;
		this.schemas = schemas;
		this.collection = collection;
		this.from = from;
	}

	/**
	 * The predicate for a bound filter on the given root (or joined collection); null
	 * means every row.
	 */
	public static Predicate toPredicate(@Nullable Filter filter, CriteriaBuilder cb, AbstractQuery<?> query,
			SchemaRegistry schemas, CollectionSchema collection, From<?, ?> root) {
		if (filter == null) {
			return cb.conjunction();
		}
		return filter.accept(new CriteriaFilter(cb, query, schemas, collection, root));
	}

	/**
	 * The value at the end of a many-to-one path, a many-to-one as its key as a filter
	 * compares it, and null on rows where {@code visible} does not hold. The rule and the
	 * path share their joins.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Expression<?> value(List<String> path, @Nullable Filter visible, CriteriaBuilder cb, AbstractQuery<?> query,
			SchemaRegistry schemas, CollectionSchema collection, From<?, ?> root) {
		CriteriaFilter translation = new CriteriaFilter(cb, query, schemas, collection, root);
		Expression column = translation.column(translation.resolve(path));
		if (visible == null) {
			return column;
		}
		return cb.selectCase().when(visible.accept(translation), column);
	}

	@Override
	public Predicate and(Filter.And and) {
		return this.cb.and(and.filters().stream().map((filter) -> filter.accept(this)).toArray(Predicate[]::new));
	}

	@Override
	public Predicate or(Filter.Or or) {
		if (or.filters().isEmpty()) {
			return this.cb.disjunction();
		}
		return this.cb.or(or.filters().stream().map((filter) -> filter.accept(this)).toArray(Predicate[]::new));
	}

	@Override
	public Predicate some(Filter.Some some) {
		return this.cb.exists(children(some.relation(), some.filter()));
	}

	@Override
	public Predicate none(Filter.None none) {
		return this.cb.not(this.cb.exists(children(none.relation(), none.filter())));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Subquery<Integer> children(List<String> relationPath, Filter inner) {
		Resolved alias = resolve(relationPath);
		CollectionSchema child = this.schemas.require(alias.field().relation().relatedCollection());
		FieldSchema backReference = child.requireField(alias.field().relation().mappedBy());
		Subquery<Integer> subquery = this.query.subquery(Integer.class);
		Root childRoot = subquery.from(child.entityType());
		Predicate correlation = this.cb.equal(childRoot.get(backReference.attribute()), alias.owner());
		Predicate matches = inner.accept(new CriteriaFilter(this.cb, subquery, this.schemas, child, childRoot));
		return subquery.select(this.cb.literal(1)).where(this.cb.and(correlation, matches));
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Predicate condition(Filter.Condition condition) {
		Expression column = column(resolve(condition.path()));
		Object value = condition.value();
		FilterOperator operator = condition.operator();
		Predicate present = this.cb.isNotNull(column);
		return switch (operator) {
			case EQ -> this.cb.equal(column, value);
			case NEQ -> this.cb.and(present, this.cb.notEqual(column, value));
			case LT -> this.cb.lessThan(column, (Comparable) value);
			case LTE -> this.cb.lessThanOrEqualTo(column, (Comparable) value);
			case GT -> this.cb.greaterThan(column, (Comparable) value);
			case GTE -> this.cb.greaterThanOrEqualTo(column, (Comparable) value);
			case IN -> column.in((List<?>) value);
			case NIN -> this.cb.and(present, this.cb.not(column.in((List<?>) value)));
			case BETWEEN -> this.cb.between(column, (Comparable) first(value), (Comparable) second(value));
			case NBETWEEN -> this.cb.and(present, this.cb.or(this.cb.lessThan(column, (Comparable) first(value)),
					this.cb.greaterThan(column, (Comparable) second(value))));
			case NULL -> this.cb.isNull(column);
			case NNULL -> present;
			case EMPTY -> this.cb.or(this.cb.isNull(column), this.cb.equal(column, ""));
			case NEMPTY -> this.cb.and(present, this.cb.notEqual(column, ""));
			case CONTAINS, STARTS_WITH, ENDS_WITH, ICONTAINS, ISTARTS_WITH, IENDS_WITH ->
				like(column, operator, (String) value);
			case NCONTAINS, NSTARTS_WITH, NENDS_WITH, NICONTAINS, NISTARTS_WITH, NIENDS_WITH ->
				this.cb.and(present, this.cb.not(like(column, operator, (String) value)));
		};
	}

	private Predicate like(Expression<String> column, FilterOperator operator, String value) {
		String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		String pattern = switch (operator) {
			case STARTS_WITH, NSTARTS_WITH, ISTARTS_WITH, NISTARTS_WITH -> escaped + "%";
			case ENDS_WITH, NENDS_WITH, IENDS_WITH, NIENDS_WITH -> "%" + escaped;
			default -> "%" + escaped + "%";
		};
		if (operator.ignoresCase()) {
			return this.cb.like(this.cb.lower(column), this.cb.lower(this.cb.literal(pattern)),
					this.cb.literal(ESCAPE));
		}
		return this.cb.like(column, this.cb.literal(pattern), this.cb.literal(ESCAPE));
	}

	/** The column a resolved path reads: a many-to-one by its key. */
	private Expression<?> column(Resolved resolved) {
		return resolved.field().isManyToOne() ? keyOf(resolved) : resolved.owner().get(resolved.field().attribute());
	}

	/**
	 * A many-to-one compared by key reads the foreign key column; Hibernate needs no join
	 * for it.
	 */
	private Expression<?> keyOf(Resolved resolved) {
		CollectionSchema related = this.schemas.require(resolved.field().relation().relatedCollection());
		return resolved.owner().get(resolved.field().attribute()).get(related.primaryKeyField().attribute());
	}

	/** Walks a path through many-to-one relations, left-joining each one once. */
	private Resolved resolve(List<String> path) {
		CollectionSchema current = this.collection;
		From<?, ?> owner = this.from;
		for (int i = 0; i < path.size() - 1; i++) {
			FieldSchema relation = current.requireField(path.get(i));
			owner = join(path.subList(0, i + 1));
			current = this.schemas.require(relation.relation().relatedCollection());
		}
		return new Resolved(owner, current.requireField(path.get(path.size() - 1)), path);
	}

	private Join<?, ?> join(List<String> path) {
		Join<?, ?> existing = this.joins.get(path);
		if (existing != null) {
			return existing;
		}
		From<?, ?> parent = (path.size() == 1) ? this.from : join(path.subList(0, path.size() - 1));
		CollectionSchema owner = collectionAt(path.subList(0, path.size() - 1));
		Join<?, ?> join = parent.join(owner.requireField(path.get(path.size() - 1)).attribute(), JoinType.LEFT);
		this.joins.put(List.copyOf(path), join);
		return join;
	}

	private CollectionSchema collectionAt(List<String> path) {
		CollectionSchema current = this.collection;
		for (String segment : path) {
			current = this.schemas.require(current.requireField(segment).relation().relatedCollection());
		}
		return current;
	}

	private static Object first(@Nullable Object value) {
		return ((List<?>) value).get(0);
	}

	private static Object second(@Nullable Object value) {
		return ((List<?>) value).get(1);
	}

	private record Resolved(From<?, ?> owner, FieldSchema field, List<String> path) {
	}

}
