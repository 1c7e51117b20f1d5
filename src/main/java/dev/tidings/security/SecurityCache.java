package dev.tidings.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What callers resolve to, kept until anything in the security model changes. There is no
 * time-to-live: every write to users, roles, policies, access or permissions empties it,
 * so a change applies to the next request. A load that raced with a change fills a
 * generation that is already discarded, so it cannot bring stale answers back.
 */
public final class SecurityCache {

	private final boolean enabled;

	private volatile Generation current;

	/** A cache that remembers. */
	public SecurityCache() {
		this(true);
	}

	/**
	 * @param enabled whether to remember anything; off, every lookup loads anew
	 */
	public SecurityCache(boolean enabled) {
		this.enabled = enabled;
		this.current = new Generation(enabled);
	}

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** Whether it remembers anything ({@code tidings.cache.enabled}). */
	public boolean enabled() {
		return this.enabled;
	}

	<T> T caller(UUID user, Function<UUID, T> load) {
		return this.current.remember(this.current.callers, user, load);
	}

	<T> T grants(List<UUID> policies, Function<List<UUID>, T> load) {
		return this.current.remember(this.current.grants, policies, load);
	}

	<T> T publicPolicies(Function<String, T> load) {
		return this.current.remember(this.current.anonymous, "public", load);
	}

	<T> T staticToken(String digest, Function<String, T> load) {
		return this.current.remember(this.current.staticTokens, digest, load);
	}

	<T> T hostUser(HostUser host, Function<HostUser, T> load) {
		return this.current.remember(this.current.hostUsers, host, load);
	}

	/** Forgets everything; called after every committed (or rolled back) change. */
	public void invalidate() {
		this.current = new Generation(this.enabled);
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * Runs the given action after every invalidation, e.g. to tell other instances or
	 * re-check open sockets.
	 */
	public void onInvalidate(Runnable listener) {
		this.listeners.add(listener);
	}

	private static final class Generation {

		private final boolean remembers;

		private final Map<Object, Object> callers = new ConcurrentHashMap<>();

		private final Map<Object, Object> grants = new ConcurrentHashMap<>();

		private final Map<Object, Object> anonymous = new ConcurrentHashMap<>();

		private final Map<Object, Object> staticTokens = new ConcurrentHashMap<>();

		private final Map<Object, Object> hostUsers = new ConcurrentHashMap<>();

		Generation(boolean remembers) {
			this.remembers = remembers;
		}

		@SuppressWarnings("unchecked")
		<K, T> T remember(Map<Object, Object> map, K key, Function<K, T> load) {
			if (!this.remembers) {
				return load.apply(key);
			}
			Object known = map.get(key);
			if (known != null) {
				return (T) known;
			}
			// loaded outside computeIfAbsent: a load runs queries and may throw
			T loaded = load.apply(key);
			map.putIfAbsent(key, loaded);
			return loaded;
		}

	}

}
