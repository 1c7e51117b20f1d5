package dev.tidings.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;

/**
 * How many sockets each owner holds open: a user by id, or an anonymous client (a
 * handshake still waiting for its {@code auth}, the public) by address. A socket is
 * counted from the moment its upgrade passes the check, and moves to its user when an
 * {@code auth} succeeds; so one Reader account, or one address, cannot hold all of the
 * instance's sockets.
 */
final class SocketOwners {

	private final int limit;

	private final Map<String, Integer> counts = new ConcurrentHashMap<>();

	/** The owner of each established socket, by socket id. */
	private final Map<String, String> held = new ConcurrentHashMap<>();

	/**
	 * @param limit the most sockets per owner; 0 or less for no limit
	 */
	SocketOwners(int limit) {
		this.limit = limit;
	}

	int limit() {
		return this.limit;
	}

	/** The owner a socket with this identity counts against. */
	static String of(@Nullable Identity identity, Sessions.Client client) {
		return (identity != null && identity.user() != null) ? "user:" + identity.user()
				: "address:" + client.address();
	}

	/** Counts one more socket of the owner, unless it holds the most already. */
	boolean tryTake(String owner) {
		boolean[] taken = { false };
		this.counts.compute(owner, (key, count) -> {
			int current = (count != null) ? count : 0;
			if (this.limit > 0 && current >= this.limit) {
				return count;
			}
			taken[0] = true;
			return current + 1;
		});
		return taken[0];
	}

	/** Gives back one socket of the owner. */
	void release(String owner) {
		this.counts.computeIfPresent(owner, (key, count) -> (count > 1) ? count - 1 : null);
	}

	/** Records who the counted socket of a finished upgrade belongs to. */
	void hold(String socket, String owner) {
		this.held.put(socket, owner);
	}

	/**
	 * Counts the socket against another owner (an {@code auth} as another user): false,
	 * and nothing changed, when that owner holds the most sockets already.
	 */
	boolean move(String socket, String owner) {
		boolean[] moved = { true };
		this.held.compute(socket, (key, current) -> {
			if (owner.equals(current)) {
				return current;
			}
			if (!tryTake(owner)) {
				moved[0] = false;
				return current;
			}
			if (current != null) {
				release(current);
			}
			return owner;
		});
		return moved[0];
	}

	/** Whom an established socket counts against, or null when it is not counted. */
	@Nullable String ownerOf(String socket) {
		return this.held.get(socket);
	}

	/** Gives back the count of a closed socket. */
	void closed(String socket) {
		String owner = this.held.remove(socket);
		if (owner != null) {
			release(owner);
		}
	}

}
