package dev.tidings.security;

import dev.tidings.errors.ErrorCode;

/**
 * Hears of every refused authentication (a login, a refresh, a socket's token or
 * {@code auth} message) with the Directus error code it was refused with, for whoever
 * counts them. {@link #NONE} where nothing does.
 */
@FunctionalInterface
public interface AuthFailures {

	/** Hears nothing. */
	AuthFailures NONE = (reason) -> {
	};

	void failed(ErrorCode reason);

}
