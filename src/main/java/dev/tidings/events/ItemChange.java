package dev.tidings.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One item's committed change. Snapshots are immutable rows keyed by API field name,
 * holding each column's Java value (a many-to-one or owning one-to-one holds the related
 * key), exactly what {@code query.RowMatcher} evaluates. Aliases (to-many relations,
 * inverse one-to-ones) are not in them, with one exception: a created item's one-to-many
 * aliases whose children hold the foreign key are listed, empty, when its transaction
 * wrote no child, since a new row can have none yet.
 *
 * @param type what happened
 * @param key the item's primary key, of the key's Java type
 * @param before the row before the change (update, delete), else null
 * @param after the row after the change (create, update), else null
 * @param sequence its place in the change log, given at commit: a later commit never has
 * a lower one; 0 until the change is logged
 */
public record ItemChange(ChangeType type, Object key, @Nullable Map<String, @Nullable Object> before,
		@Nullable Map<String, @Nullable Object> after, long sequence) {

	public ItemChange {
		before = copy(before);
		after = copy(after);
	}

	/** A change not logged yet. */
	public ItemChange(ChangeType type, Object key, @Nullable Map<String, @Nullable Object> before,
			@Nullable Map<String, @Nullable Object> after) {
		this(type, key, before, after, 0);
	}

	/** The same change at its place in the log. */
	public ItemChange logged(long sequence) {
		return new ItemChange(this.type, this.key, this.before, this.after, sequence);
	}

	private static @Nullable Map<String, @Nullable Object> copy(@Nullable Map<String, @Nullable Object> row) {
		return (row != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(row)) : null;
	}

}
