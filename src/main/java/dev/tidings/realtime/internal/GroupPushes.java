package dev.tidings.realtime.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.items.SnapshotView;
import dev.tidings.query.Query;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one group of identical subscriptions receives for one notification's changes,
 * decided once for all of them:
 * <ul>
 * <li>create: the items the caller may read and the query matches;</li>
 * <li>update: the items that match after the change; an item that matched before and no
 * longer does goes out as a {@code delete} of its key, so a live list can drop it
 * (Directus sends nothing);</li>
 * <li>delete: the keys of the items the caller could read, matching the query, just
 * before the delete (Directus sends every key to everyone).</li>
 * </ul>
 * Snapshots decide in memory; a view that needs related rows re-reads the changed keys in
 * one query per run of changes of one type, except where it needs them only for
 * one-to-many aliases it shows in full: then the snapshots list them (a new item has no
 * children unless its own transaction wrote them), or the {@link ChildKeyIndex} does.
 */
final class GroupPushes {

	private static final Logger logger = LoggerFactory.getLogger(GroupPushes.class);

	private final ItemsService items;

	private final ChildKeyIndex children;

	private final SnapshotView view;

	private final Accountability caller;

	private final String collection;

	private final Query query;

	private final boolean item;

	GroupPushes(ItemsService items, ChildKeyIndex children, SnapshotView view, DispatchGroup group, String collection) {
		this.items = items;
		this.children = children;
		this.view = view;
		this.caller = group.caller();
		this.collection = collection;
		this.query = group.query();
		this.item = group.item() != null;
	}

	List<Push> of(List<ItemChange> changes) {
		if (!this.view.needsDatabase()) {
			Push.Builder pushes = new Push.Builder(this.item);
			inMemory(changes, pushes);
			return pushes.build();
		}
		return fromDatabase(changes);
	}

	private void inMemory(List<ItemChange> changes, Push.Builder pushes) {
		inMemory(changes, pushes, ItemChange::after);
	}

	/** Renders each change's after-state as the given function completes it. */
	private void inMemory(List<ItemChange> changes, Push.Builder pushes,
			Function<ItemChange, @Nullable Map<String, @Nullable Object>> after) {
		for (ItemChange change : changes) {
			Map<String, @Nullable Object> row = after.apply(change);
			Map<String, @Nullable Object> rendered = (row != null) ? this.view.render(row) : null;
			if (rendered != null) {
				pushes.add(change.type(), rendered, key(change), change.sequence());
			}
			else if (change.type() != ChangeType.CREATE && readBefore(change)) {
				pushDelete(change, pushes);
			}
		}
	}

	/** One read per run of consecutive changes of one type, keeping their order. */
	private List<Push> fromDatabase(List<ItemChange> changes) {
		Push.Builder pushes = new Push.Builder(this.item);
		int start = 0;
		while (start < changes.size()) {
			ChangeType type = changes.get(start).type();
			int end = start;
			while (end < changes.size() && changes.get(end).type() == type) {
				end++;
			}
			List<ItemChange> run = changes.subList(start, end);
			if (type == ChangeType.CREATE && run.stream().allMatch((change) -> this.view.renders(change.after()))) {
				// new items whose one-to-many aliases the snapshot lists: nothing to read
				inMemory(run, pushes);
			}
			else if (type == ChangeType.DELETE) {
				deleted(run, pushes);
			}
			else if (this.view.fullListAliases() != null) {
				listed(run, pushes, this.view.fullListAliases());
			}
			else {
				reread(type, run, pushes);
			}
			start = end;
		}
		return pushes.build();
	}

	/**
	 * Renders the run's after-states completed with the full child lists of the aliases
	 * they do not list, which the index keeps.
	 */
	private void listed(List<ItemChange> run, Push.Builder pushes, List<FieldSchema> aliases) {
		List<Object> keys = run.stream()
			.filter((change) -> !this.view.renders(Objects.requireNonNull(change.after())))
			.map(ItemChange::key)
			.distinct()
			.toList();
		Map<String, Map<String, List<Object>>> lists = this.children.lists(this.collection, aliases, keys);
		inMemory(run, pushes, (change) -> {
			Map<String, @Nullable Object> after = Objects.requireNonNull(change.after());
			if (this.view.renders(after)) {
				return after;
			}
			Map<String, @Nullable Object> completed = new HashMap<>(after);
			String id = Shape.itemKey(change.key());
			aliases.forEach((alias) -> completed.put(alias.name(), lists.get(alias.name()).get(id)));
			return completed;
		});
	}

	/**
	 * Re-reads the run's items and pushes them in the run's order. An updated item the
	 * re-read did not return left the query if its before-state matched, known only when
	 * the filter can be decided on the snapshot.
	 */
	private void reread(ChangeType type, List<ItemChange> run, Push.Builder pushes) {
		List<Object> keys = run.stream().map(ItemChange::key).distinct().toList();
		Map<Object, Map<String, @Nullable Object>> rows = this.items.readKeyed(this.caller, this.collection, keys,
				this.query);
		boolean decidesLeaving = this.view.matchesInMemory();
		if (type == ChangeType.UPDATE && rows.size() < keys.size() && !decidesLeaving) {
			logger.debug("Cannot tell which updated items of {} left a subscription's query: no delete pushed",
					this.collection);
		}
		for (ItemChange change : run) {
			Object key = key(change);
			Map<String, @Nullable Object> row = rows.get(key);
			if (row != null) {
				pushes.add(type, row, key, change.sequence());
			}
			else if (type == ChangeType.UPDATE && decidesLeaving && readBefore(change)) {
				pushDelete(change, pushes);
			}
		}
	}

	private void deleted(List<ItemChange> run, Push.Builder pushes) {
		if (!this.view.matchesInMemory()) {
			logger.debug("Cannot tell on snapshots who could read the items deleted from {}: no delete pushed",
					this.collection);
			return;
		}
		run.stream().filter(this::readBefore).forEach((change) -> pushDelete(change, pushes));
	}

	/** Whether the caller could read the item before the change, and it matched. */
	private boolean readBefore(ItemChange change) {
		return change.before() != null && this.view.matches(change.before());
	}

	/**
	 * A delete's datum is the key, as a string for an item subscription (as Directus
	 * sends it); its {@code keys} keep the key's own JSON type.
	 */
	private void pushDelete(ItemChange change, Push.Builder pushes) {
		Object key = key(change);
		pushes.add(ChangeType.DELETE, this.item ? String.valueOf(key) : key, key, change.sequence());
	}

	/** The item's key as JSON: a number stays a number, a UUID is a string. */
	private static Object key(ItemChange change) {
		return Objects.requireNonNull(FieldCodec.wire(change.key()));
	}

}
