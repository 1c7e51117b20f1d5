package dev.tidings.realtime.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who a socket authenticated as: the user id and when the token stops being valid. The
 * caller itself is looked up per use (cached), so suspensions and permission changes
 * apply at once; the token is never verified again.
 *
 * @param user the user, or null for the public
 * @param expires the token's {@code exp}, or null when it never expires (static tokens,
 * the public)
 */
public record Identity(@Nullable UUID user, @Nullable Instant expires) {

	public static final Identity PUBLIC = new Identity(null, null);

	public boolean isExpiredAt(Instant now) {
		return this.expires != null && !now.isBefore(this.expires);
	}

}
