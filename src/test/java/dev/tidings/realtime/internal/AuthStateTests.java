package dev.tidings.realtime.internal;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition of a socket's authentication state, and the stale timers each one must
 * defeat: a timer names the generation it was armed in and is ignored once that passed.
 */
class AuthStateTests {

	private static final Identity ALICE = Identity.accessToken(UUID.randomUUID(),
			Instant.parse("2026-12-05T12:00:00Z"));

	private static final Identity BOB = Identity.accessToken(UUID.randomUUID(), Instant.parse("2026-12-05T13:00:00Z"));

	@Test
	void handshakeWhenNewThenActsAsNobody() {
		assertThat(AuthState.HANDSHAKE.identity()).isNull();
		assertThat(AuthState.HANDSHAKE.generation()).isZero();
	}

	@Test
	void authenticateWhenInHandshakeThenActiveAsThatIdentityInANewGeneration() {
		AuthState active = AuthState.HANDSHAKE.authenticate(ALICE);

		assertThat(active).isEqualTo(new AuthState.Active(ALICE, 1));
		assertThat(active.identity()).isEqualTo(ALICE);
	}

	@Test
	void expireWhenInHandshakeThenNothingChanges() {
		assertThat(AuthState.HANDSHAKE.expire(0, false)).isNull();
		assertThat(AuthState.HANDSHAKE.expire(0, true)).isNull();
	}

	@Test
	void expireWhenActiveInThatGenerationThenExpiredAndActsAsNobody() {
		AuthState expired = AuthState.HANDSHAKE.authenticate(ALICE).expire(1, false);

		assertThat(expired).isEqualTo(new AuthState.Expired(2));
		assertThat(expired.identity()).isNull();
	}

	@Test
	void expireWhenPublicModeThenTheSocketActsAsThePublic() {
		AuthState expired = AuthState.HANDSHAKE.authenticate(ALICE).expire(1, true);

		assertThat(expired).isEqualTo(new AuthState.Active(Identity.PUBLIC, 2));
	}

	@Test
	void expireWhenReauthenticatedSinceThenTheStaleTimerChangesNothing() {
		AuthState reauthenticated = AuthState.HANDSHAKE.authenticate(ALICE).authenticate(BOB);

		assertThat(reauthenticated).isEqualTo(new AuthState.Active(BOB, 2));
		assertThat(reauthenticated.expire(1, false)).isNull();
		assertThat(reauthenticated.expire(1, true)).isNull();
	}

	@Test
	void expireWhenAlreadyExpiredThenNothingChanges() {
		AuthState expired = AuthState.HANDSHAKE.authenticate(ALICE).expire(1, false);

		assertThat(expired.expire(expired.generation(), false)).isNull();
		assertThat(expired.expire(1, false)).isNull();
	}

	@Test
	void authenticateWhenExpiredThenActiveAgainInANewGeneration() {
		AuthState expired = AuthState.HANDSHAKE.authenticate(ALICE).expire(1, false);

		AuthState active = expired.authenticate(BOB);

		assertThat(active).isEqualTo(new AuthState.Active(BOB, 3));
		// the re-authentication deadline armed at expiry (generation 2) no longer holds
		assertThat(active.generation()).isNotEqualTo(expired.generation());
	}

	@Test
	void resetToPublicWhenAUserFailsToAuthenticateThenThePublicInANewGeneration() {
		AuthState user = AuthState.HANDSHAKE.resetToPublic().authenticate(ALICE);

		AuthState reset = user.resetToPublic();

		assertThat(reset).isEqualTo(new AuthState.Active(Identity.PUBLIC, 3));
		// the user's token expiry timer is stale now
		assertThat(reset.expire(user.generation(), true)).isNull();
	}

	@Test
	void resetToPublicWhenExpiredThenThePublic() {
		AuthState expired = AuthState.HANDSHAKE.authenticate(ALICE).expire(1, false);

		assertThat(expired.resetToPublic()).isEqualTo(new AuthState.Active(Identity.PUBLIC, 3));
	}

}
