package dev.tidings.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.RequestsExceededException;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.internal.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login sessions: opened by a password login, rotated by a refresh, closed by a logout. A
 * session row holds only the SHA-256 of its refresh token. Every failure takes at least
 * the stall time, and an unknown e-mail costs an argon2 check like a known one, so
 * neither timing nor answer tells whether an e-mail exists.
 * <p>
 * Rotation without Directus's race (it replaces the token in place, so of two concurrent
 * refreshes one fails): a refresh token's successor is an HMAC of it under the server
 * secret, so concurrent refreshes with one token all receive the same successor instead
 * of all but one failing. The rotated token keeps answering with that successor for the
 * grace period, then stops working.
 */
public final class Sessions {

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

	private static final String INVALID_CREDENTIALS = "Invalid user credentials.";

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	private final Accountabilities callers;

	private final AccessTokens accessTokens;

	private final PasswordHasher passwords;

	private final LoginThrottle throttle;

	private final Settings settings;

	private final TokenSecret secret;

	private final Clock clock;

	private final AuthFailures failures;

	private final Logins logins;

	private final SecureRandom random = new SecureRandom();

	private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

	/**
	 * @param failures told of every failed login and refresh
	 */
	public Sessions(EntityManager entityManager, TransactionTemplate writes, Accountabilities callers,
			AccessTokens accessTokens, PasswordHasher passwords, LoginThrottle throttle, TokenSecret secret,
			Settings settings, Clock clock, AuthFailures failures) {
		this(entityManager, writes, callers, accessTokens, passwords, throttle, secret, settings, clock, failures,
				Logins.NONE);
	}

	/**
	 * @param failures told of every failed login and refresh
	 * @param logins told of every successful login, in its transaction
	 */
	public Sessions(EntityManager entityManager, TransactionTemplate writes, Accountabilities callers,
			AccessTokens accessTokens, PasswordHasher passwords, LoginThrottle throttle, TokenSecret secret,
			Settings settings, Clock clock, AuthFailures failures, Logins logins) {
		this.logins = logins;
		this.entityManager = entityManager;
		this.writes = writes;
		this.callers = callers;
		this.accessTokens = accessTokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.secret = secret;
		this.settings = settings;
		this.clock = clock;
		this.failures = failures;
	}

	/**
	 * Checks an e-mail and password and opens a session.
	 * @throws RequestsExceededException at once when the client is throttled
	 * @throws TidingsException {@code INVALID_PAYLOAD} for a malformed e-mail or
	 * password, {@code INVALID_CREDENTIALS} for any wrong credential,
	 * {@code USER_SUSPENDED} for a suspended user who gave the right password; all after
	 * the stall time
	 */
	public Tokens login(@Nullable Object email, @Nullable Object password, Client client) {
		return login(email, password, client, () -> {
		});
	}

	/**
	 * As {@link #login(Object, Object, Client)}, with a check of the rest of the
	 * transport's payload that fails under the same stall.
	 */
	public Tokens login(@Nullable Object email, @Nullable Object password, Client client, Runnable payloadCheck) {
		long deadline = System.nanoTime() + this.settings.stallTime().toNanos();
		String key = (email instanceof String text) ? text.toLowerCase(Locale.ROOT) : "";
		try {
			this.throttle.check(client.address(), key);
		}
		catch (RequestsExceededException ex) {
			this.failures.failed(ex.code());
			throw ex;
		}
		try {
			payloadCheck.run();
			if (!(email instanceof String) || !EMAIL.matcher(key).matches() || key.length() > 128) {
				throw TidingsException.invalidPayload("\"email\" must be a valid email");
			}
			if (!(password instanceof String secretText)) {
				throw TidingsException.invalidPayload("\"password\" must be a string");
			}
			Tokens tokens = open(key, secretText, client);
			this.throttle.succeeded(client.address(), key);
			return tokens;
		}
		catch (TidingsException ex) {
			if (ex.code() == ErrorCode.INVALID_CREDENTIALS || ex.code() == ErrorCode.USER_SUSPENDED) {
				this.throttle.failed(client.address(), key);
			}
			this.failures.failed(ex.code());
			stallUntil(deadline);
			throw ex;
		}
	}

	/**
	 * Rotates a session: a new access token and refresh token for a valid refresh token.
	 * @throws TidingsException {@code INVALID_CREDENTIALS} for an unknown, expired or
	 * rotated token, {@code USER_SUSPENDED} (and the session deleted) for a suspended
	 * user; after the stall time
	 */
	public Tokens refresh(String refreshToken, Client client) {
		long deadline = System.nanoTime() + this.settings.stallTime().toNanos();
		try {
			return rotate(refreshToken, client);
		}
		catch (TidingsException ex) {
			this.failures.failed(ex.code());
			stallUntil(deadline);
			throw ex;
		}
	}

	/** Ends the session of a refresh token; nothing happens for an unknown token. */
	public void logout(String refreshToken) {
		String digest = Digests.sha256Hex(refreshToken);
		this.writes.executeWithoutResult(
				(status) -> this.entityManager.createQuery("delete from Session s where s.token = :token")
					.setParameter("token", digest)
					.executeUpdate());
	}

	private Tokens open(String email, String password, Client client) {
		List<TidingsUser> found = this.writes.execute((status) -> this.entityManager
			.createQuery("select u from TidingsUser u where lower(u.email) = :email", TidingsUser.class)
			.setParameter("email", email)
			.getResultList());
		TidingsUser user = (found == null || found.isEmpty()) ? null : found.get(0);
		boolean matches = this.passwords.matches(password, (user != null) ? user.getPassword() : null);
		if (user == null || !matches) {
			throw invalidCredentials();
		}
		if (TidingsUser.SUSPENDED.equals(user.getStatus())) {
			throw new TidingsException(ErrorCode.USER_SUSPENDED, "User suspended.");
		}
		UUID id = user.getId();
		Accountability who = this.callers.forUser(id);
		Instant now = this.clock.instant();
		String refreshToken = randomToken();
		this.writes.executeWithoutResult((status) -> {
			// a bulk update: last_access is no change to permissions and must not empty
			// the cache
			this.entityManager.createQuery("update TidingsUser u set u.lastAccess = :now where u.id = :id")
				.setParameter("now", now)
				.setParameter("id", id)
				.executeUpdate();
			insert(refreshToken, id, now, client);
			this.logins.succeeded(id, client);
		});
		purgeExpired(now);
		return tokens(id, who, refreshToken);
	}

	private Tokens rotate(String refreshToken, Client client) {
		String digest = Digests.sha256Hex(refreshToken);
		String successor = successor(refreshToken);
		Instant now = this.clock.instant();
		Rotation rotation = this.writes.execute((status) -> {
			Session session = this.entityManager.find(Session.class, digest, LockModeType.PESSIMISTIC_WRITE);
			if (session == null || session.getExpires().isBefore(now)) {
				return Rotation.UNKNOWN;
			}
			TidingsUser user = session.getUser();
			if (!user.isActive()) {
				return TidingsUser.SUSPENDED.equals(user.getStatus()) ? Rotation.SUSPENDED : Rotation.UNKNOWN;
			}
			if (this.entityManager.find(Session.class, Digests.sha256Hex(successor)) != null) {
				// a concurrent refresh with the same token got here first: same answer
				return new Rotation(user.getId());
			}
			Instant graceEnd = now.plus(this.settings.gracePeriod());
			if (!session.getExpires().isAfter(graceEnd)) {
				// already rotated and its successor logged out, or about to expire anyway
				return Rotation.UNKNOWN;
			}
			insert(successor, user.getId(), now, client);
			this.entityManager.createQuery("update Session s set s.expires = :expires where s.token = :token")
				.setParameter("expires", graceEnd)
				.setParameter("token", digest)
				.executeUpdate();
			return new Rotation(user.getId());
		});
		if (rotation != null && rotation.suspended()) {
			logout(refreshToken);
			throw new TidingsException(ErrorCode.USER_SUSPENDED, "User suspended.");
		}
		if (rotation == null || rotation.user() == null) {
			throw invalidCredentials();
		}
		return tokens(rotation.user(), this.callers.forUser(rotation.user()), successor);
	}

	private void insert(String refreshToken, UUID user, Instant now, Client client) {
		this.entityManager.persist(
				new Session(Digests.sha256Hex(refreshToken), this.entityManager.getReference(TidingsUser.class, user),
						now.plus(this.settings.refreshTtl()), client.address(), client.userAgent(), client.origin()));
	}

	private Tokens tokens(UUID user, Accountability who, String refreshToken) {
		return new Tokens(this.accessTokens.issue(user, who), refreshToken, this.accessTokens.ttl(),
				this.settings.refreshTtl());
	}

	/**
	 * Deletes expired sessions at most once per interval, on the index of
	 * {@code expires}, instead of on every login as Directus does.
	 */
	private void purgeExpired(Instant now) {
		Instant due = this.nextPurge.get();
		if (now.isBefore(due) || !this.nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
			return;
		}
		this.writes.executeWithoutResult(
				(status) -> this.entityManager.createQuery("delete from Session s where s.expires < :now")
					.setParameter("now", now)
					.executeUpdate());
	}

	/** 64 URL-safe characters from 384 random bits, like Directus's nanoid(64). */
	private String randomToken() {
		byte[] bytes = new byte[48];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The token a refresh token rotates into: keyed by the server secret, so only the
	 * server can compute it, and fixed, so concurrent refreshes agree on it.
	 */
	private String successor(String refreshToken) {
		try {
			Mac mac = Mac.getInstance("HmacSHA512");
			mac.init(new SecretKeySpec(this.secret.key().getEncoded(), "HmacSHA512"));
			mac.update("tidings refresh token successor\0".getBytes(StandardCharsets.UTF_8));
			byte[] digest = mac.doFinal(refreshToken.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 48));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA512", ex);
		}
	}

	/** Product behaviour, not synchronisation: failures take at least the stall time. */
	private static void stallUntil(long deadline) {
		for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

	private static TidingsException invalidCredentials() {
		return new TidingsException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
	}

	/** What a rotation found: the session's user, or why there is none. */
	private record Rotation(@Nullable UUID user, boolean suspended) {

		static final Rotation UNKNOWN = new Rotation(null, false);

		static final Rotation SUSPENDED = new Rotation(null, true);

		Rotation(UUID user) {
			this(user, false);
		}

	}

	/**
	 * Where a login or refresh comes from, recorded on the session; the address is also
	 * what throttling counts.
	 *
	 * @param address the client's IP address
	 * @param userAgent the {@code User-Agent}, or null
	 * @param origin the {@code Origin}, or null
	 */
	public record Client(String address, @Nullable String userAgent, @Nullable String origin) {

		public Client {
			if (userAgent != null && userAgent.length() > 1024) {
				userAgent = userAgent.substring(0, 1024);
			}
			if (origin != null && origin.length() > 255) {
				origin = origin.substring(0, 255);
			}
		}

	}

	/**
	 * What a login or refresh hands out.
	 *
	 * @param accessToken the JWT
	 * @param refreshToken the new refresh token
	 * @param accessTtl how long the access token lives (Directus's {@code expires})
	 * @param refreshTtl how long the session lives (the refresh cookie's max age)
	 */
	public record Tokens(String accessToken, String refreshToken, Duration accessTtl, Duration refreshTtl) {

		@Override
		public String toString() {
			return "Tokens[accessTtl=" + this.accessTtl + ", refreshTtl=" + this.refreshTtl + "]";
		}

	}

	/**
	 * Session settings.
	 *
	 * @param refreshTtl how long a session lives after login or refresh
	 * @param gracePeriod how long a rotated refresh token still yields its successor
	 * @param stallTime the least time a failed login or refresh takes
	 */
	public record Settings(Duration refreshTtl, Duration gracePeriod, Duration stallTime) {

	}

}
