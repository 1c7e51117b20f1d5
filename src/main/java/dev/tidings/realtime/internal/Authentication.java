package dev.tidings.realtime.internal;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.AccessTokens;
import dev.tidings.security.Accountability;
import dev.tidings.security.AuthFailures;
import dev.tidings.security.Authenticator;
import dev.tidings.security.HostIdentities;
import dev.tidings.security.StaticTokenDigest;
import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;

/**
 * Turns the credentials a socket presents (a token at upgrade or in {@code auth}, an
 * e-mail and password, a refresh token) into an {@link Identity}. Tokens are verified
 * here, once; afterwards only the stored expiry is checked, and a static token's digest
 * is compared with the one its user holds now. Every refusal is told to the
 * {@link AuthFailures} with its code (a failed login or refresh by {@link Sessions}
 * itself).
 */
public final class Authentication {

	private final Authenticator authenticator;

	private final AccessTokens accessTokens;

	private final Sessions sessions;

	private final HostIdentities host;

	private final AuthFailures failures;

	public Authentication(Authenticator authenticator, AccessTokens accessTokens, Sessions sessions,
			HostIdentities host, AuthFailures failures) {
		this.authenticator = authenticator;
		this.accessTokens = accessTokens;
		this.sessions = sessions;
		this.host = host;
		this.failures = failures;
	}

	/**
	 * The user the host application authenticated for the upgrade request (a user logged
	 * in to the host), or null.
	 */
	@Nullable Identity hostUser() {
		HostIdentities.Bridged user = this.host.current();
		return (user != null) ? new Identity(user.user(), user.expires(), null) : null;
	}

	/**
	 * The user of an access token or static token.
	 * @throws TidingsException when the token is missing, invalid, expired, or stands for
	 * no user
	 */
	Identity token(@Nullable String token) {
		try {
			return verify(token);
		}
		catch (TidingsException ex) {
			this.failures.failed(ex.code());
			throw ex;
		}
	}

	private Identity verify(@Nullable String token) {
		if (token == null) {
			throw invalidCredentials();
		}
		if (!AccessTokens.isAccessToken(token)) {
			HostIdentities.Bridged user = this.host.token(token);
			if (user != null) {
				return new Identity(user.user(), user.expires(), null);
			}
		}
		Accountability who = this.authenticator.authenticate(token);
		if (who.user() == null) {
			throw invalidCredentials();
		}
		if (AccessTokens.isAccessToken(token)) {
			return Identity.accessToken(who.user(), this.accessTokens.verify(token).expires());
		}
		return Identity.staticToken(who.user(), StaticTokenDigest.of(token));
	}

	/**
	 * Authenticates an {@code auth} message: an access token wins over the other forms,
	 * as in Directus; a login or refresh also hands back the new refresh token.
	 * @throws TidingsException when the credentials are missing or wrong
	 */
	Result authenticate(ClientMessage.Auth message, Sessions.Client client) {
		if (message.accessToken() != null) {
			return new Result(token(message.accessToken()), null);
		}
		if (message.refreshToken() != null) {
			return tokens(this.sessions.refresh(message.refreshToken(), client));
		}
		if (message.email() != null && message.password() != null) {
			return tokens(this.sessions.login(message.email(), message.password(), client));
		}
		this.failures.failed(ErrorCode.INVALID_PAYLOAD);
		throw TidingsException
			.invalidPayload("One of \"access_token\", \"refresh_token\", or \"email\" with \"password\" is required");
	}

	private static TidingsException invalidCredentials() {
		return new TidingsException(ErrorCode.INVALID_CREDENTIALS, "Invalid user credentials.");
	}

	/** Whether the message carries any credential at all. */
	static boolean hasCredentials(ClientMessage.Auth message) {
		return message.accessToken() != null || message.refreshToken() != null
				|| (message.email() != null && message.password() != null);
	}

	private Result tokens(Sessions.Tokens tokens) {
		AccessTokens.Verified verified = this.accessTokens.verify(tokens.accessToken());
		return new Result(Identity.accessToken(verified.user(), verified.expires()), tokens.refreshToken());
	}

	/**
	 * A successful authentication.
	 *
	 * @param identity who the socket now acts as
	 * @param refreshToken the new refresh token after a login or refresh, else null
	 */
	record Result(Identity identity, @Nullable String refreshToken) {
	}

}
