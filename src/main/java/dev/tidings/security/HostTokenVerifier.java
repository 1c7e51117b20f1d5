package dev.tidings.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** Verifies tokens the host issues, the way the host's own security verifies them. */
@FunctionalInterface
public interface HostTokenVerifier {

	/**
	 * The principal of a token, or null when the token is not of the host's kind.
	 * @throws dev.tidings.errors.TidingsException {@code TOKEN_EXPIRED} or
	 * {@code INVALID_TOKEN} when it is but does not verify
	 */
	@Nullable Authentication verify(String token);

}
