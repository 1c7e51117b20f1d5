package dev.tidings.rest;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the refresh cookie is {@code Secure}: by default as the request came (HTTPS, as
 * the server sees it, forwarded headers included where it trusts them), or as configured.
 */
class RefreshCookieTests {

	@Test
	void setWhenUnconfiguredThenSecureExactlyOverHttps() {
		RefreshCookie auto = new RefreshCookie("directus_refresh_token", null, "Lax", null);

		assertThat(auto.set("token", Duration.ofDays(7), request(true)).isSecure()).isTrue();
		assertThat(auto.clear(request(true)).isSecure()).isTrue();
		assertThat(auto.set("token", Duration.ofDays(7), request(false)).isSecure()).isFalse();
	}

	@Test
	void setWhenConfiguredThenAsConfiguredWhateverTheScheme() {
		RefreshCookie always = new RefreshCookie("directus_refresh_token", true, "Lax", null);
		RefreshCookie never = new RefreshCookie("directus_refresh_token", false, "Lax", null);

		assertThat(always.set("token", Duration.ofDays(7), request(false)).isSecure()).isTrue();
		assertThat(never.set("token", Duration.ofDays(7), request(true)).isSecure()).isFalse();
	}

	private static MockHttpServletRequest request(boolean https) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/auth/login");
		request.setSecure(https);
		return request;
	}

}
