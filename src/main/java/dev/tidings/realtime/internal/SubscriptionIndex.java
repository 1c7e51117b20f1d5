package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The subscriptions of this instance, kept twice: by collection, then item (or the whole
 * collection), then {@link Shape}, then session, for the dispatcher; and by session, for
 * the socket's own requests. Subscribe and unsubscribe touch only the entries of their
 * own shape and session, never another group's (no list of a collection is copied), so
 * they cost the same with one subscriber or a hundred thousand. A change visits only the
 * shapes of its collection that can concern it: those on the whole collection and those
 * on its items' keys.
 * <p>
 * Writers change one shape's entry inside {@link ConcurrentHashMap#compute}, which also
 * drops entries left empty, so churn leaves nothing behind. Each session's list within a
 * shape is immutable and replaced whole (it holds only that session's subscriptions of
 * that shape), so the dispatcher iterates without locks or copies and sees each
 * subscription either before or after a change, never half of it.
 */
public final class SubscriptionIndex {

	private final Map<String, CollectionShapes> byCollection = new ConcurrentHashMap<>();

	private final Map<ClientSession, Owned> bySession = new ConcurrentHashMap<>();

	/**
	 * Registers a subscription, replacing the session's subscription with the same uid
	 * (anonymous subscriptions never replace each other).
	 */
	public void add(Subscription subscription) {
		while (true) {
			Owned owned = this.bySession.computeIfAbsent(subscription.session(), (session) -> new Owned());
			synchronized (owned) {
				if (owned.removed) {
					// removeAll won the race for the old entry: start over on a new one
					continue;
				}
				if (subscription.uid() != null) {
					Subscription replaced = owned.named.put(subscription.uid(), subscription);
					if (replaced != null) {
						unlink(replaced, owned.shapes.remove(replaced));
					}
				}
				Shape shape = Shape.of(subscription);
				owned.shapes.put(subscription, shape);
				link(subscription, shape);
			}
			return;
		}
	}

	/**
	 * Removes the session's subscription with that uid; returns whether there was one.
	 */
	public boolean remove(ClientSession session, String uid) {
		Owned owned = this.bySession.get(session);
		if (owned == null) {
			return false;
		}
		synchronized (owned) {
			Subscription removed = owned.named.remove(uid);
			if (removed == null) {
				return false;
			}
			unlink(removed, owned.shapes.remove(removed));
			return true;
		}
	}

	/**
	 * Removes exactly this subscription (a failed {@code init}); returns whether it was
	 * registered.
	 */
	public boolean remove(Subscription subscription) {
		Owned owned = this.bySession.get(subscription.session());
		if (owned == null) {
			return false;
		}
		synchronized (owned) {
			Shape shape = owned.shapes.remove(subscription);
			if (shape == null) {
				return false;
			}
			if (subscription.uid() != null) {
				owned.named.remove(subscription.uid(), subscription);
			}
			unlink(subscription, shape);
			return true;
		}
	}

	/** The session's subscription with that uid, or null. */
	public @Nullable Subscription find(ClientSession session, String uid) {
		Owned owned = this.bySession.get(session);
		if (owned == null) {
			return null;
		}
		synchronized (owned) {
			return owned.named.get(uid);
		}
	}

	/** How many subscriptions the session holds. */
	public int count(ClientSession session) {
		Owned owned = this.bySession.get(session);
		if (owned == null) {
			return 0;
		}
		synchronized (owned) {
			return owned.shapes.size();
		}
	}

	/** Removes every subscription of the session (unsubscribe without uid, close). */
	public void removeAll(ClientSession session) {
		Owned owned = this.bySession.remove(session);
		if (owned == null) {
			return;
		}
		synchronized (owned) {
			owned.removed = true;
			owned.shapes.forEach(this::unlink);
			owned.shapes.clear();
			owned.named.clear();
		}
	}

	/**
	 * Visits each shape of the collection that a change to one of these items can concern
	 * (those on the whole collection, and those on one of the items), with the
	 * subscriptions of each session in it; nothing else is looked at.
	 * @param items the changed items' keys, as {@link Shape#itemKey} writes them
	 */
	void forEachShape(String collection, Collection<String> items,
			BiConsumer<Shape, Map<ClientSession, List<Subscription>>> visitor) {
		CollectionShapes shapes = this.byCollection.get(collection);
		if (shapes == null) {
			return;
		}
		shapes.whole.forEach(visitor);
		for (String item : (items.size() > 1) ? new HashSet<>(items) : items) {
			Map<Shape, Members> ofItem = shapes.byItem.get(item);
			if (ofItem != null) {
				ofItem.forEach(visitor);
			}
		}
	}

	/**
	 * How many subscriptions the collection has, on itself and on its items: a count kept
	 * as they come and go, so reading it costs nothing.
	 */
	public int subscriptions(String collection) {
		CollectionShapes shapes = this.byCollection.get(collection);
		return (shapes != null) ? shapes.subscriptions.get() : 0;
	}

	/** The sessions subscribed to the collection or to one of its items. */
	public Set<ClientSession> sessions(String collection) {
		Set<ClientSession> sessions = new HashSet<>();
		CollectionShapes shapes = this.byCollection.get(collection);
		if (shapes != null) {
			shapes.whole.values().forEach((members) -> sessions.addAll(members.keySet()));
			shapes.byItem.values()
				.forEach((ofItem) -> ofItem.values().forEach((members) -> sessions.addAll(members.keySet())));
		}
		return sessions;
	}

	/** How many subscriptions there are, on every collection. */
	public int subscriptions() {
		int total = 0;
		for (CollectionShapes shapes : this.byCollection.values()) {
			total += shapes.subscriptions.get();
		}
		return total;
	}

	/** How many shapes the collection holds, on itself and on its items. */
	int shapes(String collection) {
		CollectionShapes shapes = this.byCollection.get(collection);
		return (shapes != null) ? shapes.whole.size() + shapes.byItem.values().stream().mapToInt(Map::size).sum() : 0;
	}

	/**
	 * The sessions of each shape of the collection, in no order: a view for tests, which
	 * check that a shape's entry is shared or left alone.
	 */
	Map<Shape, Map<ClientSession, List<Subscription>>> shapesOf(String collection) {
		Map<Shape, Map<ClientSession, List<Subscription>>> all = new LinkedHashMap<>();
		forEachShape(collection, List.of(), all::put);
		CollectionShapes shapes = this.byCollection.get(collection);
		if (shapes != null) {
			shapes.byItem.values().forEach(all::putAll);
		}
		return all;
	}

	private void link(Subscription subscription, Shape shape) {
		CollectionShapes shapes = this.byCollection.computeIfAbsent(subscription.collection(),
				(collection) -> new CollectionShapes());
		shapes.subscriptions.incrementAndGet();
		if (shape.item() == null) {
			link(shapes.whole, shape, subscription);
		}
		else {
			shapes.byItem.compute(shape.item(), (item, ofItem) -> {
				Map<Shape, Members> target = (ofItem != null) ? ofItem : new ConcurrentHashMap<>();
				link(target, shape, subscription);
				return target;
			});
		}
	}

	private void unlink(Subscription subscription, @Nullable Shape shape) {
		CollectionShapes shapes = this.byCollection.get(subscription.collection());
		if (shape == null || shapes == null) {
			return;
		}
		shapes.subscriptions.decrementAndGet();
		if (shape.item() == null) {
			unlink(shapes.whole, shape, subscription);
		}
		else {
			shapes.byItem.computeIfPresent(shape.item(), (item, ofItem) -> {
				unlink(ofItem, shape, subscription);
				return ofItem.isEmpty() ? null : ofItem;
			});
		}
	}

	private static void link(Map<Shape, Members> shapes, Shape shape, Subscription subscription) {
		shapes.compute(shape, (key, members) -> {
			Members target = (members != null) ? members : new Members();
			target.merge(subscription.session(), List.of(subscription), SubscriptionIndex::concat);
			return target;
		});
	}

	private static void unlink(Map<Shape, Members> shapes, Shape shape, Subscription subscription) {
		shapes.computeIfPresent(shape, (key, members) -> {
			members.computeIfPresent(subscription.session(), (session, list) -> without(list, subscription));
			return members.isEmpty() ? null : members;
		});
	}

	private static List<Subscription> concat(List<Subscription> list, List<Subscription> added) {
		List<Subscription> joined = new ArrayList<>(list.size() + added.size());
		joined.addAll(list);
		joined.addAll(added);
		return Collections.unmodifiableList(joined);
	}

	/** The list without that very subscription (records of equal values are distinct). */
	private static @Nullable List<Subscription> without(List<Subscription> list, Subscription subscription) {
		List<Subscription> kept = new ArrayList<>(list.size());
		for (Subscription candidate : list) {
			if (candidate != subscription) {
				kept.add(candidate);
			}
		}
		return kept.isEmpty() ? null : Collections.unmodifiableList(kept);
	}

	/**
	 * The shapes of one collection, and how many subscriptions they hold; a collection's
	 * entry stays once made (they are few).
	 */
	private static final class CollectionShapes {

		final AtomicInteger subscriptions = new AtomicInteger();

		final Map<Shape, Members> whole = new ConcurrentHashMap<>();

		final Map<String, Map<Shape, Members>> byItem = new ConcurrentHashMap<>();

	}

	/** The sessions of one shape, each with its subscriptions of that shape. */
	private static final class Members extends ConcurrentHashMap<ClientSession, List<Subscription>> {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * One session's subscriptions, guarded by itself: by uid, and each with its shape
	 * (identity, as two anonymous subscriptions may be equal records).
	 */
	private static final class Owned {

		final Map<String, Subscription> named = new HashMap<>();

		final Map<Subscription, Shape> shapes = new IdentityHashMap<>();

		boolean removed;

	}

}
