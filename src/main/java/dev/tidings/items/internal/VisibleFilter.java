package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.query.BoundFilter;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;
import dev.tidings.security.Action;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a bound filter so that each condition holds only where the caller can see
 * every field it reads: a field masked to null on a row must not be filterable or
 * searchable there either, or a filter would reveal what the mask hides (Directus does
 * the same with its CASE WHEN). Related items a caller cannot read do not count in
 * {@code _some} and {@code _none}. Paths must have been checked against the grants
 * before.
 */
final class VisibleFilter implements BoundFilter.Visitor<BoundFilter> {

	private final CallerPermissions permissions;

	private VisibleFilter(CallerPermissions permissions) {
		this.permissions = permissions;
	}

	static @Nullable BoundFilter of(@Nullable BoundFilter bound, CallerPermissions permissions) {
		if (bound == null || permissions.admin()) {
			return bound;
		}
		return bound.accept(new VisibleFilter(permissions));
	}

	/** What a count of the relation's items counts, for this caller. */
	static BoundFilter counted(FieldPath relation, CallerPermissions permissions) {
		return permissions.admin() ? BoundFilter.EVERYTHING
				: new VisibleFilter(permissions).counted(relation, BoundFilter.EVERYTHING);
	}

	@Override
	public BoundFilter and(BoundFilter.And and) {
		return new BoundFilter.And(and.filters().stream().map((filter) -> filter.accept(this)).toList());
	}

	@Override
	public BoundFilter or(BoundFilter.Or or) {
		return new BoundFilter.Or(or.filters().stream().map((filter) -> filter.accept(this)).toList());
	}

	@Override
	public BoundFilter condition(BoundFilter.Condition condition) {
		return withRules(condition, condition.path());
	}

	@Override
	public BoundFilter some(BoundFilter.Some some) {
		return withRules(new BoundFilter.Some(some.relation(), children(some.relation(), some.filter())),
				some.relation());
	}

	@Override
	public BoundFilter none(BoundFilter.None none) {
		return withRules(new BoundFilter.None(none.relation(), children(none.relation(), none.filter())),
				none.relation());
	}

	@Override
	public BoundFilter count(BoundFilter.Count count) {
		return withRules(new BoundFilter.Count(count.relation(), counted(count.relation(), count.items()),
				count.operator(), count.value()), count.relation());
	}

	/**
	 * The items a count of a relation counts: those the caller may read, none when it may
	 * read none (a count is a number, never a 403, as in {@code fields}).
	 */
	private BoundFilter counted(FieldPath relation, BoundFilter inner) {
		CollectionSchema child = relation.last().target();
		if (this.permissions.find(child, Action.READ) == null) {
			return BoundFilter.NOTHING;
		}
		return children(relation, inner);
	}

	/** The inner filter of a relation, limited to visible fields of readable items. */
	private BoundFilter children(FieldPath relation, BoundFilter inner) {
		CollectionSchema child = relation.last().target();
		BoundFilter visible = inner.accept(this);
		BoundFilter rows = this.permissions.require(child, Action.READ).rows();
		return (rows != null) ? new BoundFilter.And(List.of(visible, rows)) : visible;
	}

	/** The filter AND the rule under which the caller sees the value at its path. */
	private BoundFilter withRules(BoundFilter filter, FieldPath path) {
		BoundFilter rule = rule(path, this.permissions);
		if (rule == null) {
			return filter;
		}
		List<BoundFilter> all = new ArrayList<>(List.of(filter));
		all.addAll((rule instanceof BoundFilter.And and) ? and.filters() : List.of(rule));
		return new BoundFilter.And(all);
	}

	/**
	 * Where the caller sees the value at the end of a to-one path: for every step, the
	 * rule under which it sees that field, moved to the root by prefixing its paths with
	 * the steps before; null when it sees the value on every row. A step's rule implies
	 * that its item is readable, so an item outside its collection's rules shows nothing
	 * either; the key an inverse one-to-one ends on shows where its item is readable.
	 * Filters, sorts, groups and aggregates all use this one rule.
	 */
	static @Nullable BoundFilter rule(FieldPath path, CallerPermissions permissions) {
		List<BoundFilter> rules = new ArrayList<>();
		List<FieldPath.Step> steps = path.steps();
		for (int i = 0; i < steps.size(); i++) {
			FieldPath.Step step = steps.get(i);
			BoundFilter rule = permissions.require(step.collection(), Action.READ).fieldRule(step.field().name());
			if (rule != null) {
				rules.add((i == 0) ? rule : Prefixed.of(rule, path.prefix(i)));
			}
		}
		FieldPath.Step last = path.last();
		if (last.field().isToOne() && !last.field().holdsRelatedKey()) {
			// the inverse side of a one-to-one shows the related key only where the
			// caller may read the related item, as reads show it
			CollectionGrants related = permissions.find(last.target(), Action.READ);
			BoundFilter readable = (related != null) ? related.rows() : BoundFilter.NOTHING;
			if (readable != null) {
				rules.add(Prefixed.of(readable, path));
			}
		}
		return rules.isEmpty() ? null : (rules.size() == 1) ? rules.get(0) : new BoundFilter.And(rules);
	}

	/**
	 * A filter of a related collection, re-rooted through to-one steps: every path it
	 * holds is prefixed with them.
	 */
	private record Prefixed(FieldPath prefix) implements BoundFilter.Visitor<BoundFilter> {

		static BoundFilter of(BoundFilter filter, FieldPath prefix) {
			return filter.accept(new Prefixed(prefix));
		}

		@Override
		public BoundFilter and(BoundFilter.And and) {
			return new BoundFilter.And(and.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public BoundFilter or(BoundFilter.Or or) {
			return new BoundFilter.Or(or.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public BoundFilter condition(BoundFilter.Condition condition) {
			return new BoundFilter.Condition(this.prefix.then(condition.path()), condition.operator(),
					condition.value(), condition.function());
		}

		@Override
		public BoundFilter some(BoundFilter.Some some) {
			return new BoundFilter.Some(this.prefix.then(some.relation()), some.filter());
		}

		@Override
		public BoundFilter none(BoundFilter.None none) {
			return new BoundFilter.None(this.prefix.then(none.relation()), none.filter());
		}

		@Override
		public BoundFilter count(BoundFilter.Count count) {
			return new BoundFilter.Count(this.prefix.then(count.relation()), count.items(), count.operator(),
					count.value());
		}

	}

}
