package dev.tidings.items.internal;

import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldSchema;
import org.jspecify.annotations.Nullable;

/**
 * One key of a rendered item: the field it shows (under its own name, an alias, or a
 * function's result key), with the function applied to it, the selection inside a related
 * collection when expanded, and how a relation's items are chosen.
 *
 * @param field the field the value comes from
 * @param function the function applied to the field's value, or null
 * @param nested the selection inside the related collection, or null when not expanded
 * @param related how the related items are chosen: always set for a to-many relation, set
 * for a to-one relation only under a deep filter
 */
public record Selected(FieldSchema field, @Nullable FieldFunction function, @Nullable Selection nested,
		@Nullable NestedQuery related) {

	/** Whether the key is the field's own value, as a row snapshot carries it. */
	public boolean plain(String key) {
		return this.function == null && this.nested == null && this.related == null && this.field.isColumn()
				&& key.equals(this.field.name());
	}

	/**
	 * Whether the key is a one-to-many alias under its own name, shown as the children's
	 * keys: a value a snapshot may carry, when the item was just created.
	 */
	public boolean listsKeys(String key) {
		return this.function == null && this.nested == null && this.field.listsChildrenByForeignKey()
				&& key.equals(this.field.name());
	}

}
