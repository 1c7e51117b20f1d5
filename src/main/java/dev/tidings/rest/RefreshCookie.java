package dev.tidings.rest;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that carries the refresh token in cookie mode: {@code HttpOnly}, path
 * {@code /}, as Directus sets it.
 *
 * @param name the cookie name ({@code directus_refresh_token} by default)
 * @param secure whether the cookie is marked {@code Secure} (sent over HTTPS only); null
 * marks it when the request came over HTTPS, as the server sees it (behind a proxy, with
 * {@code server.forward-headers-strategy} set to trust its forwarded headers)
 * @param sameSite the {@code SameSite} attribute
 * @param domain the {@code Domain} attribute, or none
 */
public record RefreshCookie(String name, @Nullable Boolean secure, String sameSite, @Nullable String domain) {

	ResponseCookie set(String token, Duration maxAge, HttpServletRequest request) {
		return builder(token, request).maxAge(maxAge).build();
	}

	ResponseCookie clear(HttpServletRequest request) {
		return builder("", request).maxAge(Duration.ZERO).build();
	}

	private ResponseCookie.ResponseCookieBuilder builder(String value, HttpServletRequest request) {
		String site = this.sameSite.isEmpty() ? "Lax"
				: Character.toUpperCase(this.sameSite.charAt(0)) + this.sameSite.substring(1).toLowerCase();
		return ResponseCookie.from(this.name, value)
			.path("/")
			.httpOnly(true)
			.secure((this.secure != null) ? this.secure : request.isSecure())
			.sameSite(site)
			.domain(this.domain);
	}

}
