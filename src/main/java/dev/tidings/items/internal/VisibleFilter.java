package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.query.Filter;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.SchemaRegistry;
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
final class VisibleFilter implements Filter.Visitor<Filter> {

	private final CallerPermissions permissions;

	private final SchemaRegistry schemas;

	private final CollectionSchema collection;

	private VisibleFilter(CallerPermissions permissions, SchemaRegistry schemas, CollectionSchema collection) {
		this.permissions = permissions;
		this.schemas = schemas;
		this.collection = collection;
	}

	static @Nullable Filter of(@Nullable Filter bound, CallerPermissions permissions, SchemaRegistry schemas,
			CollectionSchema collection) {
		if (bound == null || permissions.admin()) {
			return bound;
		}
		return bound.accept(new VisibleFilter(permissions, schemas, collection));
	}

	@Override
	public Filter and(Filter.And and) {
		return new Filter.And(and.filters().stream().map((filter) -> filter.accept(this)).toList());
	}

	@Override
	public Filter or(Filter.Or or) {
		return new Filter.Or(or.filters().stream().map((filter) -> filter.accept(this)).toList());
	}

	@Override
	public Filter condition(Filter.Condition condition) {
		return withRules(condition, condition.path());
	}

	@Override
	public Filter some(Filter.Some some) {
		return withRules(new Filter.Some(some.relation(), children(some.relation(), some.filter())), some.relation());
	}

	@Override
	public Filter none(Filter.None none) {
		return withRules(new Filter.None(none.relation(), children(none.relation(), none.filter())), none.relation());
	}

	/** The inner filter of a relation, limited to visible fields of readable items. */
	private Filter children(List<String> relation, Filter inner) {
		CollectionSchema child = FieldPath.resolve(this.collection, relation, this.schemas).last().target();
		Filter visible = inner.accept(new VisibleFilter(this.permissions, this.schemas, child));
		Filter rows = this.permissions.require(child, Action.READ).rows();
		return (rows != null) ? new Filter.And(List.of(visible, rows)) : visible;
	}

	/** The filter AND the rule under which the caller sees the value at its path. */
	private Filter withRules(Filter filter, List<String> path) {
		Filter rule = rule(path, this.permissions, this.schemas, this.collection);
		if (rule == null) {
			return filter;
		}
		List<Filter> all = new ArrayList<>(List.of(filter));
		all.addAll((rule instanceof Filter.And and) ? and.filters() : List.of(rule));
		return new Filter.And(all);
	}

	/**
	 * Where the caller sees the value at the end of a to-one path: for every step, the
	 * rule under which it sees that field, moved to the root by prefixing it with the
	 * steps before; null when it sees the value on every row. A step's rule implies that
	 * its item is readable, so an item outside its collection's rules shows nothing
	 * either; the key an inverse one-to-one ends on shows where its item is readable.
	 * Filters, sorts, groups and aggregates all use this one rule.
	 */
	static @Nullable Filter rule(List<String> path, CallerPermissions permissions, SchemaRegistry schemas,
			CollectionSchema collection) {
		List<Filter> rules = new ArrayList<>();
		List<FieldPath.Step> steps = FieldPath.resolve(collection, path, schemas).steps();
		for (int i = 0; i < steps.size(); i++) {
			FieldPath.Step step = steps.get(i);
			Filter rule = permissions.require(step.collection(), Action.READ).fieldRule(step.field().name());
			if (rule != null) {
				rules.add(Prefixed.of(rule, path.subList(0, i)));
			}
		}
		FieldPath.Step last = steps.get(steps.size() - 1);
		if (last.field().isToOne() && !last.field().holdsRelatedKey()) {
			// the inverse side of a one-to-one shows the related key only where the
			// caller may read the related item, as reads show it
			CollectionGrants related = permissions.find(last.target(), Action.READ);
			Filter readable = (related != null) ? related.rows() : new Filter.Or(List.of());
			if (readable != null) {
				rules.add(Prefixed.of(readable, path));
			}
		}
		return rules.isEmpty() ? null : (rules.size() == 1) ? rules.get(0) : new Filter.And(rules);
	}

	/** A filter of a related collection, re-rooted through to-one steps. */
	private record Prefixed(List<String> prefix) implements Filter.Visitor<Filter> {

		static Filter of(Filter filter, List<String> prefix) {
			return prefix.isEmpty() ? filter : filter.accept(new Prefixed(List.copyOf(prefix)));
		}

		@Override
		public Filter and(Filter.And and) {
			return new Filter.And(and.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public Filter or(Filter.Or or) {
			return new Filter.Or(or.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public Filter condition(Filter.Condition condition) {
			return new Filter.Condition(join(condition.path()), condition.operator(), condition.value());
		}

		@Override
		public Filter some(Filter.Some some) {
			return new Filter.Some(join(some.relation()), some.filter());
		}

		@Override
		public Filter none(Filter.None none) {
			return new Filter.None(join(none.relation()), none.filter());
		}

		private List<String> join(List<String> path) {
			List<String> joined = new ArrayList<>(this.prefix);
			joined.addAll(path);
			return joined;
		}

	}

}
