package dev.tidings.items.internal;

import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.Filter;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;

/**
 * What {@code sort}, {@code groupBy} and {@code aggregate} see of the value at the end of
 * a path: the value a read shows and a filter compares. A many-to-one is its key, never
 * the related row; and the value is null on every row where any step of the path is
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
	 * The field the path ends on. Paths go only through many-to-one relations and end on
	 * a field with one value per row, else the query is invalid.
	 */
	FieldSchema field(CollectionSchema collection, List<String> path) {
		CollectionSchema current = collection;
		for (String step : path.subList(0, path.size() - 1)) {
			FieldSchema relation = current.requireField(step);
			if (!relation.isManyToOne()) {
				throw TidingsException.invalidQuery("Cannot sort, group or aggregate through \"" + step
						+ "\": only many-to-one relations can be followed");
			}
			current = this.schemas.require(relation.relation().relatedCollection());
		}
		FieldSchema field = current.requireField(path.get(path.size() - 1));
		if (field.isOneToMany()) {
			throw TidingsException
				.invalidQuery("Cannot sort, group or aggregate by the one-to-many field \"" + field.name() + "\"");
		}
		return field;
	}

	/** The value at the end of the path as the caller sees it, on the given root. */
	Expression<?> of(List<String> path, CollectionSchema collection, CriteriaBuilder cb, AbstractQuery<?> query,
			From<?, ?> root) {
		field(collection, path);
		Filter rule = VisibleFilter.rule(path, this.permissions, this.schemas, collection);
		return CriteriaFilter.value(path, rule, cb, query, this.schemas, collection, root);
	}

}
