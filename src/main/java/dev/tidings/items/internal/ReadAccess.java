package dev.tidings.items.internal;

import java.util.Arrays;
import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.DeepQuery;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.Query;
import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FunctionPath;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
import org.jspecify.annotations.Nullable;

/**
 * Enforces read permissions on a query before it runs: the collection and every
 * collection a path reaches must be readable, and every field named in {@code fields},
 * {@code filter}, {@code sort}, {@code aggregate} and {@code groupBy} must be granted,
 * else 403. It then plans the read: filter and search limited to what the caller sees,
 * AND the rows its grants reach.
 */
public final class ReadAccess {

	private final SchemaRegistry schemas;

	public ReadAccess(SchemaRegistry schemas) {
		this.schemas = schemas;
	}

	public ReadPlan plan(CallerPermissions permissions, CollectionSchema collection, Query query) {
		CollectionGrants grants = permissions.require(collection, Action.READ);
		if (query.filter() != null) {
			checkFilter(permissions, query.filter(), collection);
		}
		for (SortField key : query.sort()) {
			checkPath(permissions, key.path(), collection);
		}
		query.aggregate()
			.values()
			.forEach((fields) -> fields.stream()
				.filter((field) -> !field.equals("*"))
				.forEach((field) -> checkPath(permissions, Arrays.asList(field.split("\\.")), collection)));
		query.groupBy().forEach((field) -> checkPath(permissions, Arrays.asList(field.split("\\.")), collection));
		BoundFilter requested = (query.filter() != null)
				? FilterBinder.bind(query.filter(), collection, this.schemas, permissions.variables()) : null;
		if (query.search() != null && !query.search().isEmpty()) {
			requested = and(requested, search(query.search(), collection, grants));
		}
		BoundFilter visible = VisibleFilter.of(requested, permissions);
		BoundFilter permitted = grants.rows();
		Selection selection = query.isAggregate() ? null : Selection.of(query, collection, this.schemas, permissions,
				(related, deep, toMany) -> nested(permissions, related, deep, toMany));
		return new ReadPlan(selection, and(visible, permitted), permitted, grants);
	}

	/**
	 * Binds the deep query of a relation as the top-level query is bound: its paths
	 * checked against the related collection's grants, its filter and search limited to
	 * what the caller sees. A to-many list keeps only the rows the caller may read, so
	 * that its limit counts those.
	 */
	private @Nullable NestedQuery nested(CallerPermissions permissions, CollectionSchema related, DeepQuery deep,
			boolean toMany) {
		boolean queried = deep.filter() != null || !deep.sort().isEmpty() || deep.search() != null;
		CollectionGrants grants = queried ? permissions.require(related, Action.READ)
				: permissions.find(related, Action.READ);
		BoundFilter requested = null;
		if (deep.filter() != null) {
			checkFilter(permissions, deep.filter(), related);
			requested = FilterBinder.bind(deep.filter(), related, this.schemas, permissions.variables());
		}
		if (toMany) {
			deep.sort().forEach((key) -> checkPath(permissions, key.path(), related));
		}
		if (deep.search() != null && grants != null) {
			requested = and(requested, search(deep.search(), related, grants));
		}
		BoundFilter visible = VisibleFilter.of(requested, permissions);
		if (!toMany) {
			return (visible != null) ? new NestedQuery(visible, List.of(), null, null, null) : null;
		}
		BoundFilter rows = (grants != null) ? grants.rows() : new BoundFilter.Or(List.of());
		return new NestedQuery(and(visible, rows), deep.sort(), deep.limit(), deep.offset(), deep.page());
	}

	/** Search covers only the fields the caller may read. */
	private BoundFilter search(String term, CollectionSchema collection, CollectionGrants grants) {
		return new BoundFilter.Or(FilterBinder.search(term, collection, this.schemas)
			.filters()
			.stream()
			.filter((candidate) -> candidate instanceof BoundFilter.Condition condition
					&& grants.allows(condition.path().field().name()))
			.toList());
	}

	/** Checks the paths of a raw filter, relative to the collection they start from. */
	private void checkFilter(CallerPermissions permissions, Filter raw, CollectionSchema collection) {
		raw.accept(new Filter.Visitor<@Nullable Void>() {

			@Override
			public @Nullable Void and(Filter.And and) {
				and.filters().forEach((filter) -> filter.accept(this));
				return null;
			}

			@Override
			public @Nullable Void or(Filter.Or or) {
				or.filters().forEach((filter) -> filter.accept(this));
				return null;
			}

			@Override
			public @Nullable Void condition(Filter.Condition condition) {
				checkPath(permissions, condition.path(), collection);
				return null;
			}

			@Override
			public @Nullable Void some(Filter.Some some) {
				return relational(some.relation(), some.filter());
			}

			@Override
			public @Nullable Void none(Filter.None none) {
				return relational(none.relation(), none.filter());
			}

			private @Nullable Void relational(List<String> relation, Filter inner) {
				CollectionSchema related = checkPath(permissions, relation, collection);
				if (related != null) {
					permissions.require(related, Action.READ);
					checkFilter(permissions, inner, related);
				}
				return null;
			}

		});
	}

	/**
	 * Checks that every collection the path passes through is readable and every field on
	 * it granted. The path is resolved one step at a time, each step only once the
	 * collection it is read in is known readable, so that a 403 comes before anything
	 * about a collection the caller may not see is revealed. Returns the collection a
	 * relational last step leads to (which must be readable when a filter goes into it),
	 * or null. A function at the end needs its argument granted. Malformed paths are left
	 * to the binder.
	 */
	private @Nullable CollectionSchema checkPath(CallerPermissions permissions, List<String> path,
			CollectionSchema collection) {
		CollectionSchema current = collection;
		for (String name : FunctionPath.argumentNames(path)) {
			CollectionGrants grants = permissions.require(current, Action.READ);
			FieldPath.Step step = FieldPath.of(current, name, this.schemas).last();
			// a concealed value (a password hash) must not be probed by filters or
			// ordering
			if (!grants.allows(name) || step.field().concealed()) {
				throw TidingsException.forbiddenField(name, current.name());
			}
			if (step.related() == null) {
				return null;
			}
			current = step.target();
		}
		return current;
	}

	private static @Nullable BoundFilter and(@Nullable BoundFilter left, @Nullable BoundFilter right) {
		if (left == null || right == null) {
			return (left != null) ? left : right;
		}
		return new BoundFilter.And(List.of(left, right));
	}

}
