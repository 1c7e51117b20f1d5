package dev.tidings.security;

import org.jspecify.annotations.Nullable;

/**
 * Directus's token rules: no token is the public; a JWT issued by {@code directus} is
 * verified and names its user; anything else is a static token, looked up by its SHA-256
 * digest among active users. Either way the caller is resolved from the user's current
 * status, role and policies (cached), never from the token's claims, so suspending a
 * user, changing their role or changing their static token applies to the next request.
 * The host application's users come in through its {@link HostIdentities}.
 */
public final class TokenAuthenticator implements Authenticator {

	private final AccessTokens tokens;

	private final Accountabilities callers;

	private final HostIdentities host;

	public TokenAuthenticator(AccessTokens tokens, Accountabilities callers) {
		this(tokens, callers, HostIdentities.NONE);
	}

	/**
	 * @param host the host's own users: a request without a token acts as the user the
	 * host authenticated, and a token the host issued as its user
	 */
	public TokenAuthenticator(AccessTokens tokens, Accountabilities callers, HostIdentities host) {
		this.tokens = tokens;
		this.callers = callers;
		this.host = host;
	}

	@Override
	public Accountability authenticate(@Nullable String token) {
		if (token == null) {
			HostIdentities.Bridged user = this.host.current();
			return (user != null) ? this.callers.forUser(user.user()) : this.callers.anonymous();
		}
		if (AccessTokens.isAccessToken(token)) {
			return this.callers.forUser(this.tokens.verify(token).user());
		}
		HostIdentities.Bridged user = this.host.token(token);
		if (user != null) {
			return this.callers.forUser(user.user());
		}
		return this.callers.forStaticToken(StaticTokenDigest.of(token));
	}

}
