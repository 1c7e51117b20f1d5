package dev.tidings.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of authentication: tokens, the refresh cookie and login throttling.
 *
 * @param secret the key that signs access tokens, as raw UTF-8 (Directus's
 * {@code SECRET}), at least 32 bytes; required while the REST routes or the WebSocket are
 * on, unless {@code allow-random-secret}
 * @param allowRandomSecret whether, without a secret, to make one up at each start (with
 * a warning): tokens then do not survive a restart nor work across instances. The
 * standalone app allows it, as Directus does
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a session (and its refresh token and cookie) lives
 * @param refreshGracePeriod how long a rotated refresh token still answers with the same
 * successor, so that concurrent refreshes by one client all succeed
 * @param refreshCookieName name of the cookie carrying the refresh token in cookie mode
 * @param refreshCookieSecure whether the refresh cookie is marked {@code Secure}; unset,
 * it is when the request came over HTTPS (behind a proxy, as
 * {@code server.forward-headers-strategy} lets the server see it)
 * @param refreshCookieSameSite the {@code SameSite} attribute of the refresh cookie
 * ({@code Lax}, {@code Strict} or {@code None})
 * @param refreshCookieDomain the {@code Domain} attribute of the refresh cookie, or none
 * @param loginStallTime the least time a failed login or refresh takes, so timing does
 * not tell whether an e-mail exists; a bare number is milliseconds
 * @param throttle limits on failed logins
 * @param bridge how the users a host application's Spring Security authenticates become
 * Tidings users
 */
@ConfigurationProperties("tidings.auth")
public record TidingsAuthProperties(@Nullable String secret, @DefaultValue("false") boolean allowRandomSecret,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("7d") Duration refreshTokenTtl,
		@DefaultValue("10s") Duration refreshGracePeriod,
		@DefaultValue("directus_refresh_token") String refreshCookieName, @Nullable Boolean refreshCookieSecure,
		@DefaultValue("Lax") String refreshCookieSameSite, @Nullable String refreshCookieDomain,
		@DefaultValue("500ms") Duration loginStallTime, @DefaultValue Throttle throttle, @DefaultValue Bridge bridge) {

	/**
	 * The identity bridge: with Spring Security in the host, the principal it
	 * authenticated (its session's user, or the user of a JWT its resource server
	 * accepts) acts in Tidings as a Tidings user of its own, kept under {@code provider}.
	 *
	 * @param enabled whether the host's principals become Tidings users
	 * @param provider the provider the host's users are stored under
	 * @param subjectClaim the claim that identifies a user; without claims, the
	 * principal's name does
	 * @param emailClaim the claim holding a user's e-mail
	 * @param rolesClaim the claim (or dotted path, e.g. {@code realm_access.roles})
	 * holding a user's roles; without claims, the principal's authorities without
	 * {@code ROLE_}
	 * @param roleMapping from a value of the roles claim to the Tidings role (name or id)
	 * it gives; the first value mapped wins, and unmapped values give nothing
	 * @param defaultRole the Tidings role (name or id) of a user no mapping applies to;
	 * unset, such a user has the public's permissions
	 */
	public record Bridge(@DefaultValue("true") boolean enabled, @DefaultValue("host") String provider,
			@DefaultValue("sub") String subjectClaim, @DefaultValue("email") String emailClaim,
			@DefaultValue("roles") String rolesClaim, @DefaultValue Map<String, String> roleMapping,
			@Nullable String defaultRole) {

	}

	/**
	 * Limits on failed logins, counted per client address and per (e-mail, client
	 * address); never per e-mail alone, so nobody can lock a user out.
	 *
	 * @param enabled whether to throttle failed logins
	 * @param failuresPerAddress how many failed logins one client address may make in a
	 * burst, whatever the e-mails
	 * @param failuresPerAccount how many failed logins for one e-mail one client address
	 * may make in a burst
	 * @param refill how long it takes to regain one allowed failure; also the first
	 * block, which doubles with each further exhaustion
	 * @param maxBlock the longest a client is blocked at once
	 * @param maxTrackedKeys how many client addresses (and as many e-mail and address
	 * pairs) are remembered at once; the least recently seen are forgotten first
	 */
	public record Throttle(@DefaultValue("true") boolean enabled, @DefaultValue("20") int failuresPerAddress,
			@DefaultValue("5") int failuresPerAccount, @DefaultValue("1m") Duration refill,
			@DefaultValue("1h") Duration maxBlock, @DefaultValue("10000") int maxTrackedKeys) {

	}

}
