package dev.tidings.security;

/**
 * The SHA-256 digest of a static token, as {@code tidings_users.token} stores it. What a
 * holder of a static token keeps (an open socket) to find out later whether its user
 * still holds that token, without keeping the token itself.
 *
 * @param hex the digest in lower-case hex
 */
public record StaticTokenDigest(String hex) {

	/** The digest of a static token as presented. */
	public static StaticTokenDigest of(String token) {
		return new StaticTokenDigest(Digests.sha256Hex(token));
	}

}
