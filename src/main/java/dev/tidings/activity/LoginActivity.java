package dev.tidings.activity;

import java.time.Clock;
import java.util.UUID;

import dev.tidings.security.Logins;
import dev.tidings.security.Sessions;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.EntityManager;

/**
 * Records each login as a {@code login} action on {@code directus_users} with the user as
 * item, as Directus does. Persisted as an entity in the login's transaction, so the row
 * is recorded as a change of {@code directus_activity} and pushed to its subscribers.
 */
public final class LoginActivity implements Logins {

	private final EntityManager entityManager;

	private final Clock clock;

	/**
	 * @param entityManager a shared entity manager, which joins the login's transaction
	 */
	public LoginActivity(EntityManager entityManager, Clock clock) {
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Override
	public void succeeded(UUID user, Sessions.Client client) {
		this.entityManager.persist(new TidingsActivity("login",
				this.entityManager.getReference(TidingsUser.class, user), this.clock.instant(), client.address(),
				client.userAgent(), "directus_users", user.toString(), client.origin()));
	}

}
