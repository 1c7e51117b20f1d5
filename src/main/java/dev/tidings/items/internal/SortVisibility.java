package dev.tidings.items.internal;

import dev.tidings.query.Filter;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.security.Action;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import org.jspecify.annotations.Nullable;

/**
 * What a sort key sees of a field: its column where the caller may read it, null on rows
 * where the field is masked, so the order of the rows cannot reveal a masked value.
 */
public final class SortVisibility {

	private final CallerPermissions permissions;

	private final SchemaRegistry schemas;

	private SortVisibility(CallerPermissions permissions, SchemaRegistry schemas) {
		this.permissions = permissions;
		this.schemas = schemas;
	}

	public static SortVisibility of(CallerPermissions permissions, SchemaRegistry schemas) {
		return new SortVisibility(permissions, schemas);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	Expression<?> of(CriteriaBuilder cb, AbstractQuery<?> query, CollectionSchema collection, FieldSchema field,
			From<?, ?> owner, Expression<?> column) {
		CollectionGrants grants = this.permissions.find(collection, Action.READ);
		Filter rule = (grants != null) ? grants.fieldRule(field.name()) : null;
		if (rule == null) {
			return column;
		}
		Expression value = column;
		return cb.selectCase()
			.when(CriteriaFilter.toPredicate(rule, cb, query, this.schemas, collection, owner), value);
	}

}
