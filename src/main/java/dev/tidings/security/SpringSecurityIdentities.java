package dev.tidings.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The host's Spring Security principals as Tidings users, through its
 * {@link IdentityBridge}: the one on the current thread (Tidings' filter chain loads the
 * host's session, so a user logged in to the host is logged in to Tidings), and those of
 * the tokens the host's {@link HostTokenVerifier} accepts.
 */
public final class SpringSecurityIdentities implements HostIdentities {

	private final IdentityBridge bridge;

	private final HostUsers users;

	private final @Nullable HostTokenVerifier tokens;

	/**
	 * @param bridge maps a principal to a user
	 * @param users keeps the Tidings users
	 * @param tokens verifies the host's tokens, or null when the host issues none
	 */
	public SpringSecurityIdentities(IdentityBridge bridge, HostUsers users, @Nullable HostTokenVerifier tokens) {
		this.bridge = bridge;
		this.users = users;
		this.tokens = tokens;
	}

	@Override
	public @Nullable Bridged current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return bridged(authentication);
	}

	@Override
	public @Nullable Bridged token(String token) {
		Authentication authentication = (this.tokens != null) ? this.tokens.verify(token) : null;
		return (authentication != null) ? bridged(authentication) : null;
	}

	private @Nullable Bridged bridged(Authentication authentication) {
		HostUser user = this.bridge.user(authentication);
		return (user != null) ? new Bridged(this.users.user(user), user.expires()) : null;
	}

}
