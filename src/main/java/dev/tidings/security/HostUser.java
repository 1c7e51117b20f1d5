package dev.tidings.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A user the host application authenticated, as an {@link IdentityBridge} describes them
 * to Tidings. Tidings keeps a user of its own for each (provider, subject), so
 * {@code $CURRENT_USER}, {@code user_created} and {@code /users/me} work for them as for
 * any other user, and an administrator can suspend them.
 *
 * @param provider who vouches for the user, stored as the user's {@code provider}
 * @param subject the user's identifier there (stored as {@code external_identifier})
 * @param email the user's e-mail, or null
 * @param firstName the user's first name, or null
 * @param lastName the user's last name, or null
 * @param role the Tidings role the user holds, by name or id; null leaves an existing
 * user's role as it is and gives a new one none (the public's permissions)
 * @param expires when the host's credential stops being valid (a socket authenticated
 * with it then closes, as with Tidings' own tokens), or null
 */
public record HostUser(String provider, String subject, @Nullable String email, @Nullable String firstName,
		@Nullable String lastName, @Nullable String role, @Nullable Instant expires) {

}
