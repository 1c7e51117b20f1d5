package dev.tidings.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tidings.query.Variables;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, resolved once per request (or per socket authentication): the user and
 * primary role, the role with its ancestors, the policies that apply and the global flags
 * those policies give. Anonymous callers carry the public policies.
 *
 * @param user the user's id, or null for an anonymous caller
 * @param role the user's primary role, or null
 * @param roles the primary role and its ancestors, root first
 * @param policies the policies whose permissions apply
 * @param admin whether a policy grants admin access (bypasses every permission)
 * @param app whether a policy grants app access
 */
public record Accountability(@Nullable UUID user, @Nullable UUID role, List<UUID> roles, List<UUID> policies,
		boolean admin, boolean app) {

	public Accountability {
		roles = List.copyOf(roles);
		policies = List.copyOf(policies);
	}

	/** An anonymous caller holding the given public policies. */
	public static Accountability anonymous(List<UUID> publicPolicies) {
		return new Accountability(null, null, List.of(), publicPolicies, false, false);
	}

	/**
	 * Trusted code of the host or of Tidings itself, acting with admin rights and no user
	 * identity.
	 */
	public static Accountability system() {
		return new Accountability(null, null, List.of(), List.of(), true, true);
	}

	public boolean isAnonymous() {
		return this.user == null;
	}

	/** The values of the dynamic variables for this caller at {@code now}. */
	public Variables variables(Instant now) {
		return new Variables(this.user, this.role, List.copyOf(this.roles), List.copyOf(this.policies), now);
	}

}
