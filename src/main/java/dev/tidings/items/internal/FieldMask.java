package dev.tidings.items.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.tidings.query.BoundFilter;
import dev.tidings.query.RowMatcher;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
import jakarta.persistence.PersistenceUnitUtil;
import org.jspecify.annotations.Nullable;

/**
 * Decides, row by row while rendering, what the caller may see: whether a related item is
 * readable at all, and which fields of a readable item show as null because only grants
 * whose rules the item does not match list them. Evaluated in memory with the
 * {@link RowMatcher}, which selects exactly what the SQL translation selects, so one read
 * query suffices instead of a CASE WHEN per masked column.
 */
public final class FieldMask {

	private final CallerPermissions permissions;

	private final SchemaRegistry schemas;

	private final RowMatcher matcher;

	private final PersistenceUnitUtil units;

	/** Answers per entity and rule: masked fields often share one rule. */
	private final Map<Object, Map<BoundFilter, Boolean>> answers = new IdentityHashMap<>();

	public FieldMask(CallerPermissions permissions, SchemaRegistry schemas, PersistenceUnitUtil units) {
		this.permissions = permissions;
		this.schemas = schemas;
		this.matcher = new RowMatcher();
		this.units = units;
	}

	/** Whether the caller may read this item of a related collection. */
	public boolean readable(CollectionSchema collection, Object entity) {
		if (this.permissions.admin()) {
			return true;
		}
		CollectionGrants grants = this.permissions.find(collection, Action.READ);
		if (grants == null) {
			return false;
		}
		BoundFilter rows = grants.rows();
		return rows == null || matches(rows, collection, entity);
	}

	/** Whether the field shows as null on this (readable) item. */
	public boolean hides(CollectionSchema collection, Object entity, String field) {
		BoundFilter rule = rule(collection, field);
		return rule != null && !matches(rule, collection, entity);
	}

	/**
	 * Whether the field shows as null on this (readable) row snapshot: the same rules as
	 * for an entity, evaluated on the row's values. A rule that needs related rows fails
	 * with {@link IllegalStateException}, as the snapshot does not carry them.
	 */
	public boolean hidesInRow(CollectionSchema collection, Map<String, ?> row, String field) {
		BoundFilter rule = rule(collection, field);
		return rule != null && !answer(rule, collection, row, () -> row);
	}

	/** The rule under which the field shows, or null when it always shows. */
	private @Nullable BoundFilter rule(CollectionSchema collection, String field) {
		if (this.permissions.admin()) {
			return null;
		}
		return this.permissions.require(collection, Action.READ).fieldRule(field);
	}

	private boolean matches(BoundFilter rule, CollectionSchema collection, Object entity) {
		return answer(rule, collection, entity,
				() -> new EntityRow(entity, collection, this.schemas, this.units, RowMatcher.needsRelations(rule)));
	}

	/** The rule's answer for an item (an entity or a row), computed once per item. */
	private boolean answer(BoundFilter rule, CollectionSchema collection, Object item, Supplier<Map<String, ?>> row) {
		return this.answers.computeIfAbsent(item, (key) -> new HashMap<>())
			.computeIfAbsent(rule, (key) -> this.matcher.matches(rule, collection, row.get()));
	}

}
