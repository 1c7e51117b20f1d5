package dev.tidings.security;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

/**
 * Turns the credentials in a user payload into what is stored: a password becomes its
 * argon2 hash, a static token its SHA-256 digest. Applied to every write of
 * {@code directus_users}, whichever route it takes, after permissions and validation have
 * seen the payload as sent.
 */
public final class UserCredentials {

	static final String USERS = "directus_users";

	private final PasswordHasher passwords;

	private final EntityManager entityManager;

	public UserCredentials(PasswordHasher passwords, EntityManager entityManager) {
		this.passwords = passwords;
		this.entityManager = entityManager;
	}

	/**
	 * Called in the writing transaction after a user was updated with the payload as
	 * sent: a new password or e-mail, or a status other than active, ends the user's
	 * sessions, so a refresh token from before a suspension stays dead after the user is
	 * re-activated. (Deleting a user deletes its sessions by the foreign key.)
	 */
	public void updated(String collection, Object key, Map<String, ?> payload) {
		boolean newPassword = payload.get("password") instanceof String password && !password.isEmpty();
		boolean inactive = payload.containsKey("status") && !TidingsUser.ACTIVE.equals(payload.get("status"));
		if (USERS.equals(collection) && (newPassword || inactive || payload.containsKey("email"))) {
			this.entityManager.createQuery("delete from Session s where s.user.id = :user")
				.setParameter("user", key)
				.executeUpdate();
		}
	}

	public Map<String, ?> forStorage(String collection, Map<String, ?> payload) {
		if (!USERS.equals(collection) || !(payload.containsKey("password") || payload.containsKey("token"))) {
			return payload;
		}
		Map<String, @Nullable Object> stored = new LinkedHashMap<>(payload);
		Object password = stored.get("password");
		if ("".equals(password)) {
			// an empty password field in a form means "unchanged", as in Directus
			stored.remove("password");
		}
		else if (password != null) {
			stored.put("password", this.passwords.hash(text(password, "password")));
		}
		Object token = stored.get("token");
		if (token != null) {
			String value = text(token, "token");
			stored.put("token", value.isEmpty() ? null : Digests.sha256Hex(value));
		}
		return stored;
	}

	private static String text(Object value, String field) {
		if (value instanceof String text) {
			return text;
		}
		throw TidingsException.invalidPayload("\"" + field + "\" must be a string");
	}

}
