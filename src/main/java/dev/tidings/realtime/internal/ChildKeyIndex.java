package dev.tidings.realtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.schema.FieldSchema;
import org.jspecify.annotations.Nullable;

/**
 * The children's keys of parents through one-to-many aliases, kept in memory, so that a
 * push of a changed parent to a {@code *} subscription shows its {@code comments} without
 * reading them again. A parent's list is read on first need and kept until a change could
 * alter it: a child created, moved or deleted (its foreign key before or after the change
 * names the parent), or the parent created or deleted. Each instance hears of every
 * committed change ({@link #changed} runs for each before it is dispatched, and a
 * transaction's children before their parents), so each keeps its own lists right; a read
 * that overlaps a change to its children's collection is used but not kept, as it may
 * predate that change. A parent created without children (its snapshot lists the alias,
 * empty) starts with an empty list, without a read, when its change is logged: logged
 * changes reach {@link #changed} in commit order (through the change feed), so no change
 * of a child of it can have come first.
 * <p>
 * Changes made around Hibernate (SQL, a bulk JPQL statement) report nothing, so a list is
 * also dropped once {@link #MAX_AGE} old: such a change shows in the next push after
 * that. {@link #clear} drops them all, for when changes may have been missed. At most
 * {@link #CAPACITY} parents per alias are kept, the least recently used dropped first.
 */
final class ChildKeyIndex {

	static final int CAPACITY = 10_000;

	static final Duration MAX_AGE = Duration.ofSeconds(10);

	private final Reader reader;

	private final LongSupplier nanoTime;

	private final Map<String, Lists> aliases = new ConcurrentHashMap<>();

	/**
	 * @param reader reads the children's keys of parents, in the alias's order
	 * @param nanoTime the clock lists age by
	 */
	ChildKeyIndex(Reader reader, LongSupplier nanoTime) {
		this.reader = reader;
		this.nanoTime = nanoTime;
	}

	/**
	 * The children's keys of each parent, per alias name, by the parent's
	 * {@link Shape#itemKey}; read for the parents whose lists are not kept, in one query
	 * per alias.
	 * @param collection the parents' collection
	 * @param aliases one-to-many aliases of the collection whose children hold the key
	 * @param keys the parents' keys
	 */
	Map<String, Map<String, List<Object>>> lists(String collection, List<FieldSchema> aliases, List<Object> keys) {
		Map<String, Map<String, List<Object>>> lists = new HashMap<>();
		for (FieldSchema alias : aliases) {
			Lists kept = this.aliases.computeIfAbsent(collection + "\u0000" + alias.name(),
					(ignored) -> new Lists(collection, alias));
			lists.put(alias.name(), kept.of(keys));
		}
		return lists;
	}

	/** Drops every list the committed changes could have altered. */
	void changed(ChangeNotification notification) {
		this.aliases.values().forEach((lists) -> lists.changed(notification));
	}

	/** Drops every list, for when changes may have been missed. */
	void clear() {
		this.aliases.values().forEach(Lists::clear);
	}

	/**
	 * Reads the children's keys of parents, in the alias's order, by the parent's key.
	 */
	@FunctionalInterface
	interface Reader {

		Map<Object, List<Object>> childKeys(String collection, String alias, List<?> keys);

	}

	/** The kept lists of one alias, guarded by their own lock. */
	private final class Lists {

		private final String parent;

		private final String alias;

		private final String child;

		private final String foreignKey;

		private final Map<String, Kept> byParent = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
				return size() > CAPACITY;
			}

		};

		/**
		 * Counts the changes that dropped lists, so a read that overlapped one is not
		 * kept.
		 */
		private long generation;

		Lists(String parent, FieldSchema alias) {
			this.parent = parent;
			this.alias = alias.name();
			this.child = alias.relation().relatedCollection();
			this.foreignKey = Objects.requireNonNull(alias.relation().mappedBy());
		}

		Map<String, List<Object>> of(List<Object> keys) {
			Map<String, List<Object>> found = new HashMap<>();
			List<Object> missing = new ArrayList<>();
			long readFrom;
			synchronized (this) {
				readFrom = this.generation;
				long now = ChildKeyIndex.this.nanoTime.getAsLong();
				for (Object key : keys) {
					String id = Shape.itemKey(key);
					Kept kept = this.byParent.get(id);
					if (kept != null && now - kept.at() < MAX_AGE.toNanos()) {
						found.put(id, kept.children());
					}
					else {
						missing.add(key);
					}
				}
			}
			if (missing.isEmpty()) {
				return found;
			}
			Map<String, List<Object>> read = new HashMap<>();
			missing.forEach((key) -> read.put(Shape.itemKey(key), List.of()));
			ChildKeyIndex.this.reader.childKeys(this.parent, this.alias, missing)
				.forEach((key, children) -> read.put(Shape.itemKey(key), List.copyOf(children)));
			synchronized (this) {
				if (this.generation == readFrom) {
					long now = ChildKeyIndex.this.nanoTime.getAsLong();
					read.forEach((id, children) -> this.byParent.put(id, new Kept(children, now)));
				}
			}
			found.putAll(read);
			return found;
		}

		synchronized void changed(ChangeNotification notification) {
			if (notification.collection().equals(this.child)) {
				this.generation++;
				notification.changes().forEach(this::childChanged);
			}
			if (notification.collection().equals(this.parent)) {
				notification.changes().forEach(this::parentChanged);
			}
		}

		private void parentChanged(ItemChange change) {
			if (change.type() == ChangeType.UPDATE) {
				return;
			}
			this.generation++;
			this.byParent.remove(Shape.itemKey(change.key()));
			Object listed = (change.after() != null) ? change.after().get(this.alias) : null;
			if (change.sequence() > 0 && listed instanceof List<?> children) {
				this.byParent.put(Shape.itemKey(change.key()),
						new Kept(List.copyOf(children), ChildKeyIndex.this.nanoTime.getAsLong()));
			}
		}

		private void childChanged(ItemChange change) {
			boolean known = (change.type() == ChangeType.CREATE || holdsKey(change.before()))
					&& (change.type() == ChangeType.DELETE || holdsKey(change.after()));
			if (!known) {
				// which parent it left or joined is unknown: any list may be wrong
				this.byParent.clear();
				return;
			}
			dropParentOf(change.before());
			dropParentOf(change.after());
		}

		private boolean holdsKey(@Nullable Map<String, @Nullable Object> row) {
			return row != null && row.containsKey(this.foreignKey);
		}

		private void dropParentOf(@Nullable Map<String, @Nullable Object> row) {
			Object parentKey = (row != null) ? row.get(this.foreignKey) : null;
			if (parentKey != null) {
				this.byParent.remove(Shape.itemKey(parentKey));
			}
		}

		synchronized void clear() {
			this.generation++;
			this.byParent.clear();
		}

	}

	/** A parent's children's keys, and when they were read. */
	private record Kept(List<Object> children, long at) {

	}

}
