package dev.tidings.items.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tidings.query.BoundFilter;
import dev.tidings.query.FilterOperator;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FunctionPath;
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
 * Translates a {@link BoundFilter} into a JPA Criteria predicate. It must select exactly
 * the rows the in-memory {@code RowMatcher} admits (a differential test holds both to
 * that): to-one paths are left joins, so a missing related row compares as null; to-many
 * conditions are correlated {@code EXISTS} subqueries; negated operators never match
 * null, as in SQL.
 */
public final class CriteriaFilter implements BoundFilter.Visitor<Predicate> {

	private static final char ESCAPE = '\\';

	private final CriteriaBuilder cb;

	private final AbstractQuery<?> query;

	private final From<?, ?> from;

	/** The left joins made so far, by the path they follow from {@code from}. */
	private final Map<FieldPath, Join<?, ?>> joins = new HashMap<>();

	private CriteriaFilter(CriteriaBuilder cb, AbstractQuery<?> query, From<?, ?> from) {
		this.cb = cb;
		this.query = query;
		this.from = from;
	}

	/**
	 * The predicate for a bound filter on the given root (or joined collection); null
	 * means every row.
	 */
	public static Predicate toPredicate(@Nullable BoundFilter filter, CriteriaBuilder cb, AbstractQuery<?> query,
			From<?, ?> root) {
		if (filter == null) {
			return cb.conjunction();
		}
		return filter.accept(new CriteriaFilter(cb, query, root));
	}

	/**
	 * The value at the end of a to-one path as a filter compares it (a to-one relation as
	 * its key, a function applied), and null on rows where {@code visible} does not hold.
	 * A count of related items counts those {@code counted} admits. The rule and the path
	 * share their joins.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Expression<?> value(FunctionPath target, BoundFilter counted, @Nullable BoundFilter visible,
			CriteriaBuilder cb, AbstractQuery<?> query, From<?, ?> root) {
		CriteriaFilter translation = new CriteriaFilter(cb, query, root);
		Expression column = target.countsRelation() ? translation.items(target.path(), counted)
				: translation.operand(target.path(), target.function());
		if (visible == null) {
			return column;
		}
		return cb.selectCase().when(visible.accept(translation), column);
	}

	@Override
	public Predicate and(BoundFilter.And and) {
		return this.cb.and(and.filters().stream().map((filter) -> filter.accept(this)).toArray(Predicate[]::new));
	}

	@Override
	public Predicate or(BoundFilter.Or or) {
		if (or.filters().isEmpty()) {
			return this.cb.disjunction();
		}
		return this.cb.or(or.filters().stream().map((filter) -> filter.accept(this)).toArray(Predicate[]::new));
	}

	@Override
	public Predicate some(BoundFilter.Some some) {
		return this.cb.exists(children(some.relation(), some.filter()));
	}

	@Override
	public Predicate none(BoundFilter.None none) {
		return this.cb.not(this.cb.exists(children(none.relation(), none.filter())));
	}

	private Subquery<Integer> children(FieldPath relation, BoundFilter inner) {
		return correlated(relation, inner, (child) -> this.cb.literal(1));
	}

	/**
	 * A select over the related items of a to-many relation that match the inner filter,
	 * correlated to the row holding the relation through its key. Joining through the
	 * relation's own attribute lets Hibernate handle every mapping alike: a back
	 * reference, a join column, a join table, either side of a many-to-many.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Subquery<Integer> correlated(FieldPath relation, BoundFilter inner,
			Function<Join<?, ?>, Expression<Integer>> select) {
		Resolved alias = resolve(relation);
		FieldPath.Step step = alias.path().last();
		CollectionSchema owner = step.collection();
		String key = owner.primaryKeyField().attribute();
		Subquery<Integer> subquery = this.query.subquery(Integer.class);
		Root ownerRoot = subquery.from(owner.entityType());
		Join<?, ?> child = ownerRoot.join(step.field().attribute());
		Predicate correlation = this.cb.equal(ownerRoot.get(key), alias.owner().get(key));
		Predicate matches = inner.accept(new CriteriaFilter(this.cb, subquery, child));
		return subquery.select(select.apply(child)).where(this.cb.and(correlation, matches));
	}

	@Override
	public Predicate condition(BoundFilter.Condition condition) {
		Expression<?> operand = operand(condition.path(), condition.function());
		if (condition.function() != null) {
			operand = operand.as(BigDecimal.class);
		}
		return compare(operand, condition.operator(), condition.value());
	}

	/** The value of a to-one path's field, or of a function of it. */
	@SuppressWarnings("unchecked")
	private Expression<?> operand(FieldPath path, @Nullable FieldFunction function) {
		Expression<?> column = column(resolve(path));
		if (function == FieldFunction.COUNT) {
			// a list of values: Hibernate counts its rows in the collection table
			return this.cb.size((Expression<Collection<?>>) column);
		}
		return (function != null) ? DatePartFunctions.apply(function, column, path.field().type(), this.cb) : column;
	}

	@Override
	public Predicate count(BoundFilter.Count count) {
		// a count is compared with any number, as a function's value is
		return compare(items(count.relation(), count.items()).as(BigDecimal.class), count.operator(), count.value());
	}

	/**
	 * The number of related items that match, as an integer like the in-memory count;
	 * zero when there are none.
	 */
	private Expression<Integer> items(FieldPath relation, BoundFilter inner) {
		return correlated(relation, inner, (child) -> this.cb.count(child).as(Integer.class));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate compare(Expression column, FilterOperator operator, @Nullable Object value) {
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

	/**
	 * The column a resolved path reads: a to-one relation by the related key, which the
	 * owning side holds in its own column and the inverse side of a one-to-one reads
	 * through a left join.
	 */
	private Expression<?> column(Resolved resolved) {
		FieldPath.Step step = resolved.path().last();
		if (!step.field().isToOne()) {
			return AttributePaths.of(resolved.owner(), step.field());
		}
		String relatedKey = step.target().primaryKeyField().attribute();
		if (step.field().holdsRelatedKey()) {
			// Hibernate reads the foreign key column without a join
			return AttributePaths.of(resolved.owner(), step.field()).get(relatedKey);
		}
		return join(resolved.path()).get(relatedKey);
	}

	/** The row holding a path's field, left-joining each to-one step before it once. */
	private Resolved resolve(FieldPath path) {
		From<?, ?> owner = (path.size() == 1) ? this.from : join(path.prefix(path.size() - 1));
		return new Resolved(owner, path);
	}

	private Join<?, ?> join(FieldPath path) {
		Join<?, ?> existing = this.joins.get(path);
		if (existing != null) {
			return existing;
		}
		From<?, ?> parent = (path.size() == 1) ? this.from : join(path.prefix(path.size() - 1));
		Join<?, ?> join = parent.join(path.field().attribute(), JoinType.LEFT);
		this.joins.put(path, join);
		return join;
	}

	private static Object first(@Nullable Object value) {
		return ((List<?>) value).get(0);
	}

	private static Object second(@Nullable Object value) {
		return ((List<?>) value).get(1);
	}

	/** A path, and the row (the root or a join) holding the field it ends on. */
	private record Resolved(From<?, ?> owner, FieldPath path) {
	}

}
