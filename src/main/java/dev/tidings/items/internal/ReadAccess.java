package dev.tidings.items.internal;

import java.util.Arrays;
import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.Query;
import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
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
		Filter requested = (query.filter() != null)
				? FilterBinder.bind(query.filter(), collection, this.schemas, permissions.variables()) : null;
		if (query.search() != null && !query.search().isEmpty()) {
			requested = and(requested, search(query.search(), collection, grants));
		}
		Filter visible = VisibleFilter.of(requested, permissions, this.schemas, collection);
		Filter permitted = grants.rows();
		Selection selection = query.isAggregate() ? null
				: Selection.of(query.fields(), collection, this.schemas, permissions);
		return new ReadPlan(selection, and(visible, permitted), permitted, grants);
	}

	/** Search covers only the text fields the caller may read. */
	private static Filter search(String term, CollectionSchema collection, CollectionGrants grants) {
		Filter.Or everywhere = (Filter.Or) FilterBinder.search(term, collection);
		return new Filter.Or(everywhere.filters()
			.stream()
			.filter((candidate) -> candidate instanceof Filter.Condition condition
					&& grants.allows(condition.path().get(0)))
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
	 * it granted. Returns the collection a relational last step leads to (which must be
	 * readable when a filter goes into it), or null. Malformed paths are left to the
	 * binder.
	 */
	private @Nullable CollectionSchema checkPath(CallerPermissions permissions, List<String> path,
			CollectionSchema collection) {
		CollectionSchema current = collection;
		for (String step : path) {
			CollectionGrants grants = permissions.require(current, Action.READ);
			FieldSchema field = current.requireField(step);
			if (!grants.allows(step)) {
				throw TidingsException.forbiddenField(step, current.name());
			}
			if (field.relation() == null) {
				return null;
			}
			current = this.schemas.require(field.relation().relatedCollection());
		}
		return current;
	}

	private static @Nullable Filter and(@Nullable Filter left, @Nullable Filter right) {
		if (left == null || right == null) {
			return (left != null) ? left : right;
		}
		return new Filter.And(List.of(left, right));
	}

}
