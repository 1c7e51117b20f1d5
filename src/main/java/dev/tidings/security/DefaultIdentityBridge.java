package dev.tidings.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The bridge Tidings uses unless the host declares its own. A principal with claims (a
 * JWT, an OIDC user) is known by its subject claim and named by its e-mail and name
 * claims; its role comes from the first value of the roles claim (a dotted path such as
 * Keycloak's {@code realm_access.roles}) that the role mapping names. Any other principal
 * is known by its name, and its authorities (without {@code ROLE_}) play the roles claim.
 * Only mapped values give roles: a host authority that happens to share a Tidings role's
 * name grants nothing.
 */
public final class DefaultIdentityBridge implements IdentityBridge {

	private final Settings settings;

	private final Function<Authentication, Map<String, Object>> claims;

	/**
	 * @param settings what to read
	 * @param claims the claims of a principal, empty when it has none
	 */
	public DefaultIdentityBridge(Settings settings, Function<Authentication, Map<String, Object>> claims) {
		this.settings = settings;
		this.claims = claims;
	}

	@Override
	public @Nullable HostUser user(Authentication authentication) {
		Map<String, Object> claims = this.claims.apply(authentication);
		String subject = text(claims.get(this.settings.subjectClaim()));
		if (subject == null) {
			subject = authentication.getName();
		}
		if (subject == null || subject.isBlank()) {
			return null;
		}
		List<String> values = claims.isEmpty() ? authorities(authentication.getAuthorities())
				: strings(path(claims, this.settings.rolesClaim()));
		String role = values.stream()
			.map(this.settings.roleMapping()::get)
			.filter((mapped) -> mapped != null)
			.findFirst()
			.orElse(this.settings.defaultRole());
		return new HostUser(this.settings.provider(), subject, text(claims.get(this.settings.emailClaim())),
				text(claims.get("given_name")), text(claims.get("family_name")), role, instant(claims.get("exp")));
	}

	private static List<String> authorities(Collection<? extends GrantedAuthority> authorities) {
		List<String> names = new ArrayList<>();
		for (GrantedAuthority authority : authorities) {
			String name = authority.getAuthority();
			if (name != null) {
				names.add(name.startsWith("ROLE_") ? name.substring(5) : name);
			}
		}
		return names;
	}

	private static @Nullable Object path(Map<String, Object> claims, String path) {
		Object current = claims;
		for (String step : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(step);
		}
		return current;
	}

	/**
	 * A claim of roles: a list, or one string of values separated by spaces or commas.
	 */
	private static List<String> strings(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String text) {
			return List.of(text.trim().split("[\\s,]+"));
		}
		return List.of();
	}

	private static @Nullable String text(@Nullable Object claim) {
		return (claim == null) ? null : claim.toString();
	}

	private static @Nullable Instant instant(@Nullable Object claim) {
		if (claim instanceof Instant instant) {
			return instant;
		}
		if (claim instanceof Number seconds) {
			return Instant.ofEpochSecond(seconds.longValue());
		}
		return null;
	}

	/**
	 * What the default bridge reads ({@code tidings.auth.bridge.*}).
	 *
	 * @param provider the provider name the host's users are stored under
	 * @param subjectClaim the claim that identifies a user
	 * @param emailClaim the claim holding the e-mail
	 * @param rolesClaim the claim, or dotted path, holding the user's roles
	 * @param roleMapping from a value of the roles claim (or an authority) to a Tidings
	 * role, by name or id
	 * @param defaultRole the role of a user no mapping applies to, or null for none
	 */
	public record Settings(String provider, String subjectClaim, String emailClaim, String rolesClaim,
			Map<String, String> roleMapping, @Nullable String defaultRole) {

		public Settings {
			roleMapping = Map.copyOf(roleMapping);
		}

	}

}
