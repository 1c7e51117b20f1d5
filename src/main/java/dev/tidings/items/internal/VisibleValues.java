package dev.tidings.items.internal;

import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.FunctionPath;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;

/**
 * What {@code sort}, {@code groupBy} and {@code aggregate} see of the value at the end of
 * a path: the value a read shows and a filter compares. A to-one relation is its key,
 * never the related row; and the value is null on every row where any step of the path is
 * masked, under the very rule {@link VisibleFilter} adds to a filter on that path. So
 * ordering, grouping or aggregating reveals nothing a read hides. Paths must have been
 * checked against the grants before.
 */
public final class VisibleValues {

	private final CallerPermissions permissions;

	private final SchemaRegistry schemas;

	private VisibleValues(CallerPermissions permissions, SchemaRegistry schemas) {
		this.permissions = permissions;
		this.schemas = schemas;
	}

	public static VisibleValues of(CallerPermissions permissions, SchemaRegistry schemas) {
		return new VisibleValues(permissions, schemas);
	}

	/**
	 * The type of the value at the end of the path: the field's, or an integer for a
	 * function of it. Paths go only through to-one relations and end on a field with one
	 * value per row (or a function that makes one of a list), else the query is invalid.
	 */
	FieldType type(CollectionSchema collection, List<String> names) {
		FunctionPath target = resolve(collection, names);
		return (target.function() != null) ? FieldType.INTEGER : target.path().field().type();
	}

	/** The value at the end of the path as the caller sees it, on the given root. */
	Expression<?> of(List<String> names, CollectionSchema collection, CriteriaBuilder cb, AbstractQuery<?> query,
			From<?, ?> root) {
		FunctionPath target = resolve(collection, names);
		BoundFilter rule = VisibleFilter.rule(target.path(), this.permissions);
		BoundFilter counted = target.countsRelation() ? VisibleFilter.counted(target.path(), this.permissions)
				: BoundFilter.EVERYTHING;
		return CriteriaFilter.value(target, counted, rule, cb, query, root);
	}

	/** Whether the caller sees the field on some rows only, so {@link #of} masks it. */
	boolean masked(List<String> names, CollectionSchema collection) {
		return VisibleFilter.rule(resolve(collection, names).path(), this.permissions) != null;
	}

	private FunctionPath resolve(CollectionSchema collection, List<String> names) {
		FunctionPath target = FunctionPath.resolve(collection, names, this.schemas);
		FieldPath path = target.path();
		int toMany = path.firstToMany();
		if (toMany >= 0) {
			throw TidingsException.invalidQuery("Cannot sort, group or aggregate through \""
					+ path.steps().get(toMany).field().name() + "\": only to-one relations can be followed");
		}
		if (target.function() == FieldFunction.COUNT) {
			return target;
		}
		if (path.field().isValueList()) {
			throw TidingsException
				.invalidQuery("Cannot sort, group or aggregate by \"" + path.field().name() + "\", which lists values");
		}
		if (path.field().codec().isLargeObject()) {
			throw TidingsException
				.invalidQuery("Cannot sort, group or aggregate by \"" + path.field().name() + "\", a large object");
		}
		if (path.field().isToMany()) {
			throw TidingsException
				.invalidQuery("Cannot sort, group or aggregate by the to-many field \"" + path.field().name() + "\"");
		}
		return target;
	}

}
