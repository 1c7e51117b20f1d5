package dev.tidings.events;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who made a change, as the activity log keeps it: the user (null for an anonymous caller
 * or for the system) and, when a request or a socket made it, where it came from.
 *
 * @param user the user's id, or null
 * @param ip the client's address, or null for host code
 * @param userAgent the client's {@code User-Agent}, or null
 * @param origin the client's {@code Origin}, or null
 */
public record Actor(@Nullable UUID user, @Nullable String ip, @Nullable String userAgent, @Nullable String origin) {

	/**
	 * Host code (a repository, a scheduled job) or Tidings itself, acting without a user
	 * and without a request; also what a change recorded before actors existed reads as.
	 */
	public static final Actor SYSTEM = new Actor(null, null, null, null);

	public boolean isSystem() {
		return equals(SYSTEM);
	}

}
