package dev.tidings.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Maps a principal the host's Spring Security authenticated (a validated JWT, a form
 * login, an OAuth2 login) to the Tidings user it acts as. Declare a bean of this type to
 * replace the default, which reads the token's claims, or the principal's name and
 * authorities, as the {@code tidings.auth.bridge.*} settings say.
 */
@FunctionalInterface
public interface IdentityBridge {

	/**
	 * The Tidings user for an authenticated principal, or null when this principal is no
	 * Tidings user (the request is then served as the public).
	 */
	@Nullable HostUser user(Authentication authentication);

}
