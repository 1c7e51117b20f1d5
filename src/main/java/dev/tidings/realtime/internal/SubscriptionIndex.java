package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * The subscriptions of this instance, indexed by collection so a change looks only at the
 * subscriptions of its own collection.
 */
public final class SubscriptionIndex {

	private final Map<String, List<Subscription>> byCollection = new ConcurrentHashMap<>();

	/**
	 * Registers a subscription, replacing the session's subscription with the same uid
	 * (anonymous subscriptions never replace each other).
	 */
	public void add(Subscription subscription) {
		if (subscription.uid() != null) {
			remove(subscription.session(), subscription.uid());
		}
		this.byCollection.computeIfAbsent(subscription.collection(), (key) -> new CopyOnWriteArrayList<>())
			.add(subscription);
	}

	/**
	 * Removes the session's subscription with that uid; returns whether there was one.
	 */
	public boolean remove(ClientSession session, String uid) {
		boolean removed = false;
		for (List<Subscription> subscriptions : this.byCollection.values()) {
			removed |= subscriptions
				.removeIf((candidate) -> candidate.session() == session && Objects.equals(candidate.uid(), uid));
		}
		return removed;
	}

	/**
	 * Removes exactly this subscription (a failed {@code init}); returns whether it was
	 * registered.
	 */
	public boolean remove(Subscription subscription) {
		List<Subscription> subscriptions = this.byCollection.get(subscription.collection());
		return subscriptions != null && subscriptions.removeIf((candidate) -> candidate == subscription);
	}

	/** The session's subscription with that uid, or null. */
	public @Nullable Subscription find(ClientSession session, String uid) {
		for (List<Subscription> subscriptions : this.byCollection.values()) {
			for (Subscription candidate : subscriptions) {
				if (candidate.session() == session && uid.equals(candidate.uid())) {
					return candidate;
				}
			}
		}
		return null;
	}

	/** Removes every subscription of the session (unsubscribe without uid, close). */
	public void removeAll(ClientSession session) {
		this.byCollection.values().forEach((subscriptions) -> subscriptions.removeIf((s) -> s.session() == session));
	}

	/**
	 * The subscriptions on a collection, a snapshot safe to iterate while others change.
	 */
	public List<Subscription> on(String collection) {
		List<Subscription> subscriptions = this.byCollection.get(collection);
		return (subscriptions != null) ? new ArrayList<>(subscriptions) : List.of();
	}

}
