package dev.tidings.events.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import org.jspecify.annotations.Nullable;

/**
 * One transaction's changes, merged per item so that subscribers see the net effect of
 * the transaction, in flush order (an item keeps the position of its first change):
 * <ul>
 * <li>create then update: one create with the last after-state;</li>
 * <li>update then update: one update from the first before-state to the last
 * after-state;</li>
 * <li>create then delete: nothing;</li>
 * <li>update then delete: one delete with the first before-state;</li>
 * <li>delete then create (a re-used key): one update from the deleted row to the new
 * one.</li>
 * </ul>
 * <p>
 * A created item's after-state also carries its one-to-many aliases as empty lists when
 * the transaction changed nothing in the collection on their other side: a new row can
 * have no children yet, unless this very transaction wrote them (a foreign key allows no
 * earlier child). A subscriber's {@code *} then needs no re-read of the new row to show
 * them.
 * <p>
 * Not thread-safe: a transaction runs on one thread.
 */
public final class ChangeSet {

	private final Map<String, Map<Object, ItemChange>> byCollection = new LinkedHashMap<>();

	public void add(String collection, ItemChange change) {
		Map<Object, ItemChange> items = this.byCollection.computeIfAbsent(collection, (name) -> new LinkedHashMap<>());
		ItemChange earlier = items.get(change.key());
		if (earlier == null) {
			items.put(change.key(), change);
			return;
		}
		ItemChange merged = merge(earlier, change);
		if (merged != null) {
			items.put(change.key(), merged);
		}
		else {
			items.remove(change.key());
		}
	}

	/** A copy to return to, as a savepoint's state. */
	public ChangeSet copy() {
		ChangeSet copy = new ChangeSet();
		this.byCollection.forEach((collection, items) -> copy.byCollection.put(collection, new LinkedHashMap<>(items)));
		return copy;
	}

	/** Forgets every change made since the given copy was taken. */
	public void restore(ChangeSet copy) {
		this.byCollection.clear();
		copy.copy().byCollection.forEach(this.byCollection::put);
	}

	public boolean isEmpty() {
		return this.byCollection.values().stream().allMatch(Map::isEmpty);
	}

	/**
	 * One notification per collection that still has changes, in the order the
	 * collections were first changed, each stamped with the commit's time.
	 */
	public List<ChangeNotification> notifications(Instant committedAt) {
		return notifications(committedAt, (collection) -> Map.of());
	}

	/**
	 * As {@link #notifications(Instant)}, with the empty one-to-many aliases of created
	 * items, and children first: a collection on the other side of another's one-to-many
	 * alias comes before it (in a cycle, first-change order decides). Whoever keeps an
	 * alias's members in memory then hears that they changed before it hears of their
	 * parents' changes.
	 * @param oneToMany a collection's one-to-many aliases, each with the collection on
	 * its other side
	 */
	public List<ChangeNotification> notifications(Instant committedAt,
			Function<String, Map<String, String>> oneToMany) {
		// looked up once per collection: the lookup reads the schema, on the commit path
		Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
		this.byCollection.keySet().forEach((collection) -> aliases.put(collection, oneToMany.apply(collection)));
		List<String> ordered = new ArrayList<>();
		aliases.keySet().forEach((collection) -> placeChildrenFirst(collection, aliases, ordered, new HashSet<>()));
		List<ChangeNotification> notifications = new ArrayList<>();
		for (String collection : ordered) {
			Map<Object, ItemChange> items = this.byCollection.get(collection);
			if (!items.isEmpty()) {
				List<ItemChange> changes = withEmptyAliases(items.values(), emptyAliases(aliases.get(collection)));
				notifications.add(new ChangeNotification(collection, changes, committedAt));
			}
		}
		return notifications;
	}

	private void placeChildrenFirst(String collection, Map<String, Map<String, String>> aliases, List<String> ordered,
			Set<String> visiting) {
		if (ordered.contains(collection) || !visiting.add(collection)) {
			return;
		}
		for (String child : aliases.get(collection).values()) {
			if (this.byCollection.containsKey(child)) {
				placeChildrenFirst(child, aliases, ordered, visiting);
			}
		}
		ordered.add(collection);
	}

	/** The aliases whose other side this transaction left untouched. */
	private List<String> emptyAliases(Map<String, String> oneToMany) {
		List<String> empty = new ArrayList<>();
		oneToMany.forEach((alias, related) -> {
			Map<Object, ItemChange> touched = this.byCollection.get(related);
			if (touched == null || touched.isEmpty()) {
				empty.add(alias);
			}
		});
		return empty;
	}

	private static List<ItemChange> withEmptyAliases(Collection<ItemChange> changes, List<String> aliases) {
		if (aliases.isEmpty()) {
			return List.copyOf(changes);
		}
		List<ItemChange> marked = new ArrayList<>(changes.size());
		for (ItemChange change : changes) {
			if (change.type() == ChangeType.CREATE && change.after() != null) {
				Map<String, @Nullable Object> after = new LinkedHashMap<>(change.after());
				aliases.forEach((alias) -> after.putIfAbsent(alias, List.of()));
				change = new ItemChange(ChangeType.CREATE, change.key(), null, after, change.sequence());
			}
			marked.add(change);
		}
		return marked;
	}

	private static @Nullable ItemChange merge(ItemChange earlier, ItemChange later) {
		Object key = later.key();
		return switch (earlier.type()) {
			case CREATE -> switch (later.type()) {
				case CREATE, UPDATE -> new ItemChange(ChangeType.CREATE, key, null, later.after());
				case DELETE -> null;
			};
			case UPDATE -> switch (later.type()) {
				case CREATE, UPDATE -> new ItemChange(ChangeType.UPDATE, key, earlier.before(), later.after());
				case DELETE -> new ItemChange(ChangeType.DELETE, key, earlier.before(), null);
			};
			case DELETE -> switch (later.type()) {
				case CREATE, UPDATE -> new ItemChange(ChangeType.UPDATE, key, earlier.before(), later.after());
				case DELETE -> earlier;
			};
		};
	}

}
