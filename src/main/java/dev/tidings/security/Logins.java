package dev.tidings.security;

import java.util.UUID;

/**
 * Hears of every successful login by e-mail and password (REST or socket), inside the
 * transaction that opens its session, so what it writes commits with the session or not
 * at all. {@link #NONE} where nothing listens.
 */
@FunctionalInterface
public interface Logins {

	/** Hears nothing. */
	Logins NONE = (user, client) -> {
	};

	void succeeded(UUID user, Sessions.Client client);

}
