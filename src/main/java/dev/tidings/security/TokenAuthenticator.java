package dev.tidings.security;

import java.util.List;
import java.util.UUID;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.internal.UserAccount;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directus's token rules (spec §5.5): no token is the public; a JWT issued by
 * {@code directus} is verified and names its user; anything else is a static token,
 * looked up by its SHA-256 digest among active users. Either way the caller is resolved
 * from the user's current status, role and policies (cached), never from the token's
 * claims, so suspending a user or changing their role applies to the next request.
 */
public final class TokenAuthenticator implements Authenticator {

	private final AccessTokens tokens;

	private final Accountabilities callers;

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	public TokenAuthenticator(AccessTokens tokens, Accountabilities callers, EntityManager entityManager,
			TransactionTemplate reads) {
		this.tokens = tokens;
		this.callers = callers;
		this.entityManager = entityManager;
		this.reads = reads;
	}

	@Override
	public Accountability authenticate(@Nullable String token) {
		if (token == null) {
			return this.callers.anonymous();
		}
		if (AccessTokens.isAccessToken(token)) {
			return this.callers.forUser(this.tokens.verify(token).user());
		}
		return this.callers.forUser(staticTokenHolder(token));
	}

	private UUID staticTokenHolder(String token) {
		String digest = Digests.sha256Hex(token);
		List<UUID> holders = this.reads.execute((status) -> this.entityManager
			.createQuery("select u.id from UserAccount u where u.token = :digest and u.status = :active", UUID.class)
			.setParameter("digest", digest)
			.setParameter("active", UserAccount.ACTIVE)
			.getResultList());
		if (holders == null || holders.isEmpty()) {
			throw new TidingsException(ErrorCode.INVALID_CREDENTIALS, "Invalid user credentials.");
		}
		return holders.get(0);
	}

}
