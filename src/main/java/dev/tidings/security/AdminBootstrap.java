package dev.tidings.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import dev.tidings.security.internal.Role;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator when the database holds no user yet, before the
 * application serves anything. Without a configured password a random one is generated
 * and logged once: it is never stored in clear anywhere else.
 */
public final class AdminBootstrap implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	/** The administrator role the migrations create. */
	static final UUID ADMINISTRATOR_ROLE = UUID.fromString("0e5c1c3a-8f4b-4b0e-9d56-2b7f1a9e4c20");

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final PasswordHasher passwords;

	private final Admin admin;

	public AdminBootstrap(EntityManager entityManager, TransactionTemplate transactions, PasswordHasher passwords,
			Admin admin) {
		this.entityManager = entityManager;
		this.transactions = transactions;
		this.passwords = passwords;
		this.admin = admin;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transactions.executeWithoutResult((status) -> {
			long users = this.entityManager.createQuery("select count(u) from TidingsUser u", Long.class)
				.getSingleResult();
			if (users > 0) {
				return;
			}
			String password = this.admin.password();
			if (password == null || password.isBlank()) {
				password = generated();
				logger.warn("Created the administrator {} with the generated password {} (shown only once: change it)",
						this.admin.email(), password);
			}
			else {
				logger.info("Created the administrator {}", this.admin.email());
			}
			TidingsUser user = new TidingsUser(this.admin.email(), this.passwords.hash(password),
					this.entityManager.getReference(Role.class, ADMINISTRATOR_ROLE));
			user.setName("Admin", "User");
			if (this.admin.token() != null && !this.admin.token().isBlank()) {
				user.setToken(Digests.sha256Hex(this.admin.token()));
			}
			this.entityManager.persist(user);
		});
	}

	private static String generated() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The administrator to create.
	 *
	 * @param email the e-mail
	 * @param password the password, or null to generate one
	 * @param token a static token, or null
	 */
	public record Admin(String email, @Nullable String password, @Nullable String token) {
	}

}
