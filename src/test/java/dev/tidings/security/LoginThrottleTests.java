package dev.tidings.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.tidings.errors.RequestsExceededException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottle.Limits(true, 10, 3, Duration.ofMinutes(1), Duration.ofMinutes(30), 100), this.clock);

	@Test
	void checkWhenAccountBurstUsedFromOneAddressThenThatAddressIsBlockedForThatEmailOnly() {
		failTimes("10.0.0.1", "user@example.com", 3);

		assertThatThrownBy(() -> this.throttle.check("10.0.0.1", "user@example.com"))
			.isInstanceOfSatisfying(RequestsExceededException.class, (ex) -> {
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofMinutes(1));
				assertThat(ex.errors().get(0).extensions()).containsEntry("limit", 3)
					.containsEntry("reset", "2026-01-01T00:01:00Z");
				assertThat(ex.getMessage()).isEqualTo("Too many requests, retry after 1 minute.");
			});
		assertThatNoException().isThrownBy(() -> this.throttle.check("10.0.0.2", "user@example.com"));
		assertThatNoException().isThrownBy(() -> this.throttle.check("10.0.0.1", "other@example.com"));
	}

	@Test
	void checkWhenEmailDiffersOnlyInCaseThenSameAccount() {
		failTimes("10.0.0.1", "User@Example.com", 3);
		assertThatThrownBy(() -> this.throttle.check("10.0.0.1", "user@example.com"))
			.isInstanceOf(RequestsExceededException.class);
	}

	@Test
	void checkWhenAddressSpraysManyEmailsThenAddressIsBlocked() {
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("10.0.0.1", "user" + i + "@example.com");
		}
		assertThatThrownBy(() -> this.throttle.check("10.0.0.1", "fresh@example.com"))
			.isInstanceOf(RequestsExceededException.class);
		assertThatNoException().isThrownBy(() -> this.throttle.check("10.0.0.2", "fresh@example.com"));
	}

	@Test
	void checkWhenBlockedRepeatedlyThenBlockDoublesUpToMax() {
		failTimes("10.0.0.1", "user@example.com", 3);
		assertThat(blockedFor("10.0.0.1", "user@example.com")).isEqualTo(Duration.ofMinutes(1));
		long[] expected = { 2, 4, 8, 16, 30, 30 };
		for (long minutes : expected) {
			this.clock.advance(blockedFor("10.0.0.1", "user@example.com"));
			assertThatNoException().isThrownBy(() -> this.throttle.check("10.0.0.1", "user@example.com"));
			// the wait refilled some of the burst: fail until it is used up again
			while (blockedFor("10.0.0.1", "user@example.com").isZero()) {
				this.throttle.failed("10.0.0.1", "user@example.com");
			}
			assertThat(blockedFor("10.0.0.1", "user@example.com")).isEqualTo(Duration.ofMinutes(minutes));
		}
	}

	@Test
	void checkWhenQuietLongEnoughThenBackoffStartsOver() {
		failTimes("10.0.0.1", "user@example.com", 3);
		this.clock.advance(Duration.ofMinutes(1));
		failTimes("10.0.0.1", "user@example.com", 1);
		assertThat(blockedFor("10.0.0.1", "user@example.com")).isEqualTo(Duration.ofMinutes(2));
		this.clock.advance(Duration.ofHours(1));
		failTimes("10.0.0.1", "user@example.com", 3);
		assertThat(blockedFor("10.0.0.1", "user@example.com")).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void succeededThenAccountFailuresForgottenButAddressFailuresKept() {
		failTimes("10.0.0.1", "user@example.com", 2);
		this.throttle.succeeded("10.0.0.1", "user@example.com");
		failTimes("10.0.0.1", "user@example.com", 2);
		assertThatNoException().isThrownBy(() -> this.throttle.check("10.0.0.1", "user@example.com"));
		for (int i = 0; i < 6; i++) {
			this.throttle.failed("10.0.0.1", "x" + i + "@example.com");
		}
		assertThatThrownBy(() -> this.throttle.check("10.0.0.1", "user@example.com"))
			.isInstanceOf(RequestsExceededException.class);
	}

	@Test
	void failedWhenMoreKeysThanCapThenOldestForgottenAndMemoryBounded() {
		LoginThrottle small = new LoginThrottle(
				new LoginThrottle.Limits(true, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(30), 2), this.clock);
		small.failed("10.0.0.1", "a@example.com");
		small.failed("10.0.0.2", "a@example.com");
		small.failed("10.0.0.3", "a@example.com");
		assertThatNoException().isThrownBy(() -> small.check("10.0.0.1", "a@example.com"));
		assertThatThrownBy(() -> small.check("10.0.0.3", "a@example.com"))
			.isInstanceOf(RequestsExceededException.class);
	}

	@Test
	void clientKeyWhenIpv6ThenPer64() {
		assertThat(LoginThrottle.clientKey("2001:db8:1:2:aaaa::1"))
			.isEqualTo(LoginThrottle.clientKey("2001:db8:1:2:bbbb::9"))
			.isNotEqualTo(LoginThrottle.clientKey("2001:db8:1:3::1"));
		assertThat(LoginThrottle.clientKey("192.0.2.7")).isEqualTo("192.0.2.7");
	}

	@Test
	void checkWhenDisabledThenNeverBlocks() {
		LoginThrottle off = new LoginThrottle(
				new LoginThrottle.Limits(false, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(30), 10), this.clock);
		off.failed("10.0.0.1", "a@example.com");
		off.failed("10.0.0.1", "a@example.com");
		assertThatNoException().isThrownBy(() -> off.check("10.0.0.1", "a@example.com"));
	}

	private void failTimes(String address, String email, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.check(address, email);
			this.throttle.failed(address, email);
		}
	}

	private Duration blockedFor(String address, String email) {
		try {
			this.throttle.check(address, email);
			return Duration.ZERO;
		}
		catch (RequestsExceededException ex) {
			return ex.retryAfter();
		}
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
