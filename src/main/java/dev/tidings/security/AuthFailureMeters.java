package dev.tidings.security;

import java.util.List;

import dev.tidings.errors.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link AuthFailures} as the Micrometer counter {@code tidings.auth.failures}, tagged
 * {@code reason} with the Directus error code. The usual reasons are registered up front,
 * so they read zero before the first failure; a rarer one (a suspended user, a throttled
 * login, a malformed payload) when it first happens. A failure costs far more than the
 * registry's lookup, so nothing is kept here.
 */
public final class AuthFailureMeters implements AuthFailures {

	private static final List<ErrorCode> USUAL = List.of(ErrorCode.INVALID_CREDENTIALS, ErrorCode.TOKEN_EXPIRED,
			ErrorCode.INVALID_TOKEN);

	private final MeterRegistry registry;

	public AuthFailureMeters(MeterRegistry registry) {
		this.registry = registry;
		USUAL.forEach(this::counter);
	}

	@Override
	public void failed(ErrorCode reason) {
		counter(reason).increment();
	}

	private Counter counter(ErrorCode reason) {
		return Counter.builder("tidings.auth.failures")
			.description("Refused logins, refreshes and WebSocket authentications, by error code")
			.tag("reason", reason.name())
			.register(this.registry);
	}

}
