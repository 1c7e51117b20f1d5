package dev.tidings.realtime.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a socket stands with authentication. Every transition is a method of this type
 * and returns the next state, so the rules live here and nowhere else;
 * {@link SocketSession} only swaps one state for the next under its lock.
 * <p>
 * Each state carries a generation, raised by every transition that changes who the socket
 * acts as: a timer armed for one identity (its token's expiry, a re-authentication
 * deadline) names the generation it was armed in and does nothing once that has passed.
 */
sealed interface AuthState {

	/** Connected in handshake mode: the first frame must be {@code auth}. */
	AuthState HANDSHAKE = new Handshake();

	int generation();

	/** The identity pushes are checked against; null when the socket receives nothing. */
	default @Nullable Identity identity() {
		return null;
	}

	/** A successful {@code auth}, from any state: served as that identity from now on. */
	default AuthState authenticate(Identity identity) {
		return new Active(identity, generation() + 1);
	}

	/**
	 * The token of the given generation expired or was revoked: a public-mode socket goes
	 * on as the public, any other receives nothing until it authenticates again. Null
	 * when that generation has passed (the socket re-authenticated since) or the socket
	 * is not served.
	 */
	default @Nullable AuthState expire(int generation, boolean publicFallback) {
		return null;
	}

	/** A failed {@code auth} of a public-mode socket: back to the public. */
	default AuthState resetToPublic() {
		return new Active(Identity.PUBLIC, generation() + 1);
	}

	/** Waiting for the handshake's {@code auth}. */
	record Handshake() implements AuthState {

		@Override
		public int generation() {
			return 0;
		}

	}

	/** Served as this identity. */
	record Active(Identity identity, int generation) implements AuthState {

		@Override
		public @Nullable AuthState expire(int expired, boolean publicFallback) {
			if (expired != this.generation) {
				return null;
			}
			return publicFallback ? new Active(Identity.PUBLIC, this.generation + 1) : new Expired(this.generation + 1);
		}

	}

	/**
	 * Its token ended; it must send {@code auth} again and receives nothing meanwhile.
	 */
	record Expired(int generation) implements AuthState {

	}

}
