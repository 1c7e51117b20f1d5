package dev.tidings.security;

import org.jspecify.annotations.Nullable;

/**
 * Directus's token rules: no token is the public; a JWT issued by {@code directus} is
 * verified and names its user; anything else is a static token, looked up by its SHA-256
 * digest among active users. Either way the caller is resolved from the user's current
 * status, role and policies (cached), never from the token's claims, so suspending a
 * user, changing their role or changing their static token applies to the next request.
 */
public final class TokenAuthenticator implements Authenticator {

	private final AccessTokens tokens;

	private final Accountabilities callers;

	public TokenAuthenticator(AccessTokens tokens, Accountabilities callers) {
		this.tokens = tokens;
		this.callers = callers;
	}

	@Override
	public Accountability authenticate(@Nullable String token) {
		if (token == null) {
			return this.callers.anonymous();
		}
		if (AccessTokens.isAccessToken(token)) {
			return this.callers.forUser(this.tokens.verify(token).user());
		}
		return this.callers.forStaticToken(StaticTokenDigest.of(token));
	}

}
