package dev.tidings.security;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The callers the host application authenticates, as Tidings users: the principal the
 * host's security already established for the request being handled, and tokens the host
 * issues (a JWT of its identity provider, say). Transports ask this before treating a
 * request as anonymous, and before taking a token that is not Tidings' own for a static
 * token.
 */
public interface HostIdentities {

	/** A host without identities of its own to offer. */
	HostIdentities NONE = new HostIdentities() {

		@Override
		public @Nullable Bridged current() {
			return null;
		}

		@Override
		public @Nullable Bridged token(String token) {
			return null;
		}

	};

	/**
	 * The Tidings user of the principal the host authenticated for this request, or null.
	 */
	@Nullable Bridged current();

	/**
	 * The Tidings user of a token the host issued, or null when the token is not the
	 * host's kind.
	 * @throws dev.tidings.errors.TidingsException {@code TOKEN_EXPIRED} or
	 * {@code INVALID_TOKEN} when it is the host's kind but does not verify
	 */
	@Nullable Bridged token(String token);

	/**
	 * A host caller as a Tidings user.
	 *
	 * @param user the Tidings user
	 * @param expires when the host's credential stops being valid, or null
	 */
	record Bridged(UUID user, @Nullable Instant expires) {
	}

}
