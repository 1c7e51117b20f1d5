package dev.tidings.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tidings.items.internal.FieldMask;
import dev.tidings.items.internal.ItemRenderer;
import dev.tidings.items.internal.NestedQuery;
import dev.tidings.items.internal.ReadPlan;
import dev.tidings.items.internal.Selected;
import dev.tidings.items.internal.Selection;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.RowMatcher;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import org.jspecify.annotations.Nullable;

/**
 * One caller's read of one collection through one query, decided on row snapshots in
 * memory instead of in SQL: the permission checks of the query ran when the view was made
 * (a forbidden collection or field failed there), the caller's grants, masks and the
 * query's filter and search are bound to the caller's variables at that instant, and the
 * selection is what a read would return. {@link #render} answers exactly what
 * {@link ItemsService#readByKeys} answers for the same row, without touching the
 * database, as long as {@link #needsDatabase()} is false.
 * <p>
 * Made for a batch of changes and then dropped, not kept: {@code $NOW} and the grants are
 * those of the moment it was made. Not thread-safe.
 */
public final class SnapshotView {

	private final CollectionSchema collection;

	private final ReadPlan plan;

	private final FieldMask mask;

	private final ItemRenderer renderer;

	private final RowMatcher matcher;

	private final boolean filterNeedsDatabase;

	private final boolean needsDatabase;

	/**
	 * The one-to-many aliases a snapshot must list for {@link #render} to do without the
	 * database; null when the database is needed for something else (or not at all).
	 */
	private final @Nullable List<String> listedAliases;

	/**
	 * The fields of {@link #listedAliases} when the caller sees each alias's children in
	 * full: every child, in key order; null otherwise.
	 */
	private final @Nullable List<FieldSchema> fullLists;

	SnapshotView(CollectionSchema collection, ReadPlan plan, FieldMask mask, ItemRenderer renderer,
			RowMatcher matcher) {
		this.collection = collection;
		this.plan = plan;
		this.mask = mask;
		this.renderer = renderer;
		this.matcher = matcher;
		this.filterNeedsDatabase = needsRelations(plan.filter());
		this.needsDatabase = this.filterNeedsDatabase || selectionNeedsDatabase(plan);
		this.listedAliases = (this.needsDatabase && !this.filterNeedsDatabase) ? listedAliases(plan) : null;
		this.fullLists = (this.listedAliases != null) ? fullLists(plan, this.listedAliases) : null;
	}

	/**
	 * Whether rendering needs related rows that a snapshot lacks: a rule, mask, filter or
	 * search through a relation ({@code author.name}, {@code _some}, {@code _none}), an
	 * expanded relation or one under a deep query, a field that is no column of the row
	 * (a to-many relation, an inverse one-to-one), a function field, an alias key, or an
	 * aggregate. Such views must read the rows with {@link ItemsService#readByKeys}.
	 */
	public boolean needsDatabase() {
		return this.needsDatabase;
	}

	/**
	 * Whether {@link #render} can render this snapshot without the database: always when
	 * {@link #needsDatabase()} is false; otherwise when the database is needed only for
	 * one-to-many aliases and the snapshot lists them (a created item's).
	 */
	public boolean renders(Map<String, ?> snapshot) {
		if (!this.needsDatabase) {
			return true;
		}
		return this.listedAliases != null && this.listedAliases.stream().allMatch(snapshot::containsKey);
	}

	/**
	 * The one-to-many aliases {@link #renders} wants a snapshot to list, when the caller
	 * sees every child of each, in key order: then a list of all the children's keys, the
	 * same for every caller, renders each alias as a read would. Null when the view needs
	 * no such list, needs the database for something else, or shows some alias filtered
	 * or sorted.
	 */
	public @Nullable List<FieldSchema> fullListAliases() {
		return this.fullLists;
	}

	/**
	 * Whether {@link #matches} can decide in memory, which may hold even when
	 * {@link #needsDatabase()} does (only the selection needs the database).
	 */
	public boolean matchesInMemory() {
		return !this.filterNeedsDatabase;
	}

	/**
	 * Whether the caller may read the row and it matches the query's filter and search.
	 * @throws IllegalStateException when {@link #matchesInMemory()} is false
	 */
	public boolean matches(Map<String, ?> snapshot) {
		if (this.filterNeedsDatabase) {
			throw new IllegalStateException("The filter of this view needs related rows");
		}
		return this.plan.filter() == null || this.matcher.matches(this.plan.filter(), this.collection, snapshot);
	}

	/**
	 * The row as a read by key returns it to the caller (masked fields null, JSON-ready
	 * values), or null when the caller may not read it or it does not match the query.
	 * @throws IllegalStateException when {@link #renders} is false for it
	 */
	public @Nullable Map<String, @Nullable Object> render(Map<String, ?> snapshot) {
		if (!renders(snapshot)) {
			throw new IllegalStateException("This view needs the database to render a row");
		}
		if (!matches(snapshot)) {
			return null;
		}
		return this.renderer.renderRow(snapshot, this.plan.selection(), this.mask);
	}

	private static boolean selectionNeedsDatabase(ReadPlan plan) {
		Selection selection = plan.selection();
		if (selection == null) {
			return true;
		}
		return selection.fields()
			.entrySet()
			.stream()
			.anyMatch((entry) -> !entry.getValue().plain(entry.getKey())
					|| needsRelations(plan.grants().fieldRule(entry.getKey())));
	}

	/**
	 * The selection's one-to-many aliases, when they are all its keys that a snapshot
	 * lacks; null when another key needs the database.
	 */
	private static @Nullable List<String> listedAliases(ReadPlan plan) {
		Selection selection = plan.selection();
		if (selection == null) {
			return null;
		}
		List<String> aliases = new ArrayList<>();
		for (Map.Entry<String, Selected> entry : selection.fields().entrySet()) {
			String key = entry.getKey();
			Selected selected = entry.getValue();
			if (needsRelations(plan.grants().fieldRule(key))) {
				return null;
			}
			if (selected.listsKeys(key)) {
				aliases.add(key);
			}
			else if (!selected.plain(key)) {
				return null;
			}
		}
		return aliases;
	}

	private static @Nullable List<FieldSchema> fullLists(ReadPlan plan, List<String> aliases) {
		List<FieldSchema> fields = new ArrayList<>();
		for (String alias : aliases) {
			Selected selected = Objects.requireNonNull(plan.selection()).fields().get(alias);
			NestedQuery related = selected.related();
			if (related == null || related.filter() != null || !related.sort().isEmpty()) {
				return null;
			}
			fields.add(selected.field());
		}
		return fields;
	}

	private static boolean needsRelations(@Nullable BoundFilter filter) {
		return filter != null && RowMatcher.needsRelations(filter);
	}

}
