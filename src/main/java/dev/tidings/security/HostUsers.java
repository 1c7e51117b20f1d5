package dev.tidings.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.tidings.security.internal.Role;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a Tidings user for each user the host vouches for: created on first sight, its
 * e-mail, names and (when the bridge names one) role brought up to date when they change.
 * Remembered until the security model changes, so a steady caller costs no query. An
 * e-mail another user already holds is not taken over: the host's user is stored without
 * one, and never becomes that other user.
 */
public final class HostUsers {

	private static final Logger logger = LoggerFactory.getLogger(HostUsers.class);

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	private final SecurityCache cache;

	public HostUsers(EntityManager entityManager, TransactionTemplate writes, SecurityCache cache) {
		this.entityManager = entityManager;
		this.writes = writes;
		this.cache = cache;
	}

	/** The id of the Tidings user that stands for the host's user. */
	public UUID user(HostUser host) {
		HostUser key = new HostUser(host.provider(), host.subject(), host.email(), host.firstName(), host.lastName(),
				host.role(), null);
		return this.cache.hostUser(key, (known) -> {
			try {
				return this.writes.execute((status) -> provision(known));
			}
			catch (DataIntegrityViolationException | PersistenceException ex) {
				// another request created the same user at the same moment: it is there
				// now
				return this.writes.execute((status) -> provision(known));
			}
		});
	}

	private UUID provision(HostUser host) {
		List<TidingsUser> found = this.entityManager
			.createQuery("select u from TidingsUser u where u.provider = :provider and u.externalIdentifier = :subject",
					TidingsUser.class)
			.setParameter("provider", host.provider())
			.setParameter("subject", host.subject())
			.getResultList();
		Role role = (host.role() != null) ? role(host.role()) : null;
		if (found.isEmpty()) {
			TidingsUser user = new TidingsUser(freeEmail(host.email(), null), null, role);
			user.setExternal(host.provider(), host.subject());
			user.setName(host.firstName(), host.lastName());
			this.entityManager.persist(user);
			this.entityManager.flush();
			return user.getId();
		}
		TidingsUser user = found.get(0);
		String email = freeEmail(host.email(), user.getId());
		if (!Objects.equals(email, user.getEmail())) {
			user.setEmail(email);
		}
		if (!Objects.equals(host.firstName(), user.getFirstName())
				|| !Objects.equals(host.lastName(), user.getLastName())) {
			user.setName(host.firstName(), host.lastName());
		}
		if (role != null && (user.getRole() == null || !role.getId().equals(user.getRole().getId()))) {
			user.setRole(role);
		}
		return user.getId();
	}

	private @Nullable String freeEmail(@Nullable String email, @Nullable UUID owner) {
		if (email == null) {
			return null;
		}
		List<UUID> holders = this.entityManager
			.createQuery("select u.id from TidingsUser u where lower(u.email) = :email", UUID.class)
			.setParameter("email", email.toLowerCase(Locale.ROOT))
			.getResultList();
		return (holders.isEmpty() || holders.contains(owner)) ? email : null;
	}

	private @Nullable Role role(String nameOrId) {
		try {
			Role byId = this.entityManager.find(Role.class, UUID.fromString(nameOrId));
			if (byId != null) {
				return byId;
			}
		}
		catch (IllegalArgumentException ex) {
			// not an id: a name
		}
		List<Role> named = this.entityManager.createQuery("select r from Role r where r.name = :name", Role.class)
			.setParameter("name", nameOrId)
			.getResultList();
		if (named.isEmpty()) {
			logger.warn("The identity bridge names the role {}, which does not exist", nameOrId);
			return null;
		}
		return named.get(0);
	}

}
