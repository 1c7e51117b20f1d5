package dev.tidings.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.internal.Access;
import dev.tidings.security.internal.Role;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves callers as Directus 11 does: the user's role and its ancestors, the policies
 * attached to them and to the user, and the admin and app flags those policies give.
 * Users without a role, and anonymous callers, hold the public policy. Unlike Directus,
 * the user's status and role are read from the database (through the cache), not trusted
 * from a token, so a suspended user or a changed role takes effect on the next request.
 */
public final class Accountabilities {

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	private final SecurityCache cache;

	public Accountabilities(EntityManager entityManager, TransactionTemplate reads, SecurityCache cache) {
		this.entityManager = entityManager;
		this.reads = reads;
		this.cache = cache;
	}

	/**
	 * The caller a user id stands for.
	 * @throws TidingsException {@code INVALID_CREDENTIALS} when the user is gone or not
	 * active
	 */
	public Accountability forUser(UUID userId) {
		return this.cache.caller(userId, (id) -> this.reads.execute((status) -> load(id)));
	}

	/**
	 * The caller holding a static token, by the token's digest; looked up anew after any
	 * change to the security model, so a token that was changed or cleared stops working
	 * at once.
	 * @throws TidingsException {@code INVALID_CREDENTIALS} when no active user holds it
	 */
	public Accountability forStaticToken(StaticTokenDigest digest) {
		UUID holder = this.cache.staticToken(digest.hex(), (key) -> this.reads.execute((status) -> {
			List<UUID> holders = this.entityManager
				.createQuery("select u.id from TidingsUser u where u.token = :digest and u.status = :active",
						UUID.class)
				.setParameter("digest", key)
				.setParameter("active", TidingsUser.ACTIVE)
				.getResultList();
			if (holders.isEmpty()) {
				throw invalidCredentials();
			}
			return holders.get(0);
		}));
		return forUser(holder);
	}

	/** An anonymous caller: the public policies only. */
	public Accountability anonymous() {
		return Accountability
			.anonymous(this.cache.publicPolicies((key) -> this.reads.execute((status) -> this.entityManager
				.createQuery("select a.policy.id from Access a where a.role is null and a.user is null order by a.sort",
						UUID.class)
				.getResultList())));
	}

	private Accountability load(UUID userId) {
		TidingsUser user = this.entityManager.find(TidingsUser.class, userId);
		if (user == null || !user.isActive()) {
			throw invalidCredentials();
		}
		List<UUID> roles = roleTree(user.getRole());
		List<Access> rows = this.entityManager
			.createQuery("select a from Access a join fetch a.policy left join fetch a.role left join fetch a.user "
					+ "where a.user.id = :user or a.role.id in :roles or (:anonymous = true and a.role is null and a.user is null)",
					Access.class)
			.setParameter("user", userId)
			.setParameter("roles", roles.isEmpty() ? List.of(new UUID(0, 0)) : roles)
			.setParameter("anonymous", roles.isEmpty())
			.getResultList();
		// Directus's order: public first, then the roles from the root down, user rows
		// last;
		// later policies win when presets are merged
		List<Access> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparingInt((Access access) -> rank(access, roles))
			.thenComparing((access) -> (access.sort() != null) ? access.sort() : Integer.MAX_VALUE));
		Set<UUID> policies = new LinkedHashSet<>();
		boolean admin = false;
		boolean app = false;
		for (Access access : ordered) {
			policies.add(access.policy().getId());
			boolean global = access.role() == null && access.user() == null;
			if (!global) {
				admin |= access.policy().isAdminAccess();
				app |= access.policy().isAppAccess() || access.policy().isAdminAccess();
			}
		}
		Role role = user.getRole();
		return new Accountability(userId, (role != null) ? role.getId() : null, roles, List.copyOf(policies), admin,
				app);
	}

	private static TidingsException invalidCredentials() {
		return new TidingsException(ErrorCode.INVALID_CREDENTIALS, "Invalid user credentials.");
	}

	private static int rank(Access access, List<UUID> roles) {
		if (access.user() != null) {
			return roles.size() + 1;
		}
		if (access.role() == null) {
			return -1;
		}
		return roles.indexOf(access.role().getId());
	}

	/** The role and its ancestors, root first; a cycle ends the walk. */
	private static List<UUID> roleTree(@Nullable Role role) {
		List<UUID> chain = new ArrayList<>();
		for (Role current = role; current != null && !chain.contains(current.getId()); current = current.getParent()) {
			chain.add(0, current.getId());
		}
		return chain;
	}

}
