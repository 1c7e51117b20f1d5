package dev.tidings.security;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the token a request or socket presents into the caller. Transports extract the
 * token (header, query parameter, cookie, {@code auth} message); this decides who it
 * belongs to.
 */
public interface Authenticator {

	/**
	 * The caller for a token: anonymous (with the public policies) when the token is
	 * null; otherwise the holder of a valid access token or static token.
	 * @throws dev.tidings.errors.TidingsException {@code TOKEN_EXPIRED} for an expired
	 * access token, {@code INVALID_TOKEN} for a malformed or forged one,
	 * {@code INVALID_CREDENTIALS} for an unknown static token or a user who is no longer
	 * active
	 */
	Accountability authenticate(@Nullable String token);

}
