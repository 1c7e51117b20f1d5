package dev.tidings.realtime.internal;

import java.time.Instant;
import java.util.UUID;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Accountability;
import dev.tidings.security.StaticTokenDigest;
import org.jspecify.annotations.Nullable;

/**
 * Who a socket authenticated as, and with what: the user id, when the token stops being
 * valid, and for a static token its digest. The caller itself is resolved per use
 * (cached), so suspensions, deletions, changed static tokens and permission changes apply
 * at once; the token is never verified again.
 *
 * @param user the user, or null for the public
 * @param expires the token's {@code exp}, or null when it never expires (static tokens,
 * the public)
 * @param staticToken the digest of the static token the socket presented, or null for an
 * access token or the public: the socket holds only as long as its user still holds this
 * token
 */
public record Identity(@Nullable UUID user, @Nullable Instant expires, @Nullable StaticTokenDigest staticToken) {

	public static final Identity PUBLIC = new Identity(null, null, null);

	static Identity accessToken(UUID user, Instant expires) {
		return new Identity(user, expires, null);
	}

	static Identity staticToken(UUID user, StaticTokenDigest digest) {
		return new Identity(user, null, digest);
	}

	public boolean isExpiredAt(Instant now) {
		return this.expires != null && !now.isBefore(this.expires);
	}

	/**
	 * The caller this identity stands for now.
	 * @throws TidingsException {@code INVALID_CREDENTIALS} when the credential was
	 * revoked: the user is no longer active or gone, or no longer holds the static token
	 */
	Accountability caller(Accountabilities callers) {
		if (this.user == null) {
			return callers.anonymous();
		}
		if (this.staticToken == null) {
			return callers.forUser(this.user);
		}
		Accountability holder = callers.forStaticToken(this.staticToken);
		if (!this.user.equals(holder.user())) {
			// the token was moved to another user: it no longer speaks for this one
			throw new TidingsException(ErrorCode.INVALID_CREDENTIALS, "Invalid user credentials.");
		}
		return holder;
	}

}
