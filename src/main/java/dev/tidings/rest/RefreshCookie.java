package dev.tidings.rest;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that carries the refresh token in cookie mode: {@code HttpOnly}, path
 * {@code /}, as Directus sets it.
 *
 * @param name the cookie name ({@code directus_refresh_token} by default)
 * @param secure whether the cookie is sent over HTTPS only
 * @param sameSite the {@code SameSite} attribute
 * @param domain the {@code Domain} attribute, or none
 */
public record RefreshCookie(String name, boolean secure, String sameSite, @Nullable String domain) {

	ResponseCookie set(String token, Duration maxAge) {
		return builder(token).maxAge(maxAge).build();
	}

	ResponseCookie clear() {
		return builder("").maxAge(Duration.ZERO).build();
	}

	private ResponseCookie.ResponseCookieBuilder builder(String value) {
		String site = this.sameSite.isEmpty() ? "Lax"
				: Character.toUpperCase(this.sameSite.charAt(0)) + this.sameSite.substring(1).toLowerCase();
		return ResponseCookie.from(this.name, value)
			.path("/")
			.httpOnly(true)
			.secure(this.secure)
			.sameSite(site)
			.domain(this.domain);
	}

}
