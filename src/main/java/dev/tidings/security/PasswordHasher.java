package dev.tidings.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Hashes and verifies passwords with argon2id in the PHC format Directus stores, so a
 * hash written by either system verifies in the other (each hash carries its own
 * parameters). New hashes use OWASP's argon2id baseline (m=19456 KiB, t=2, p=1, 32-byte
 * hash, 16-byte salt) rather than node-argon2's defaults (m=65536, t=3, p=4): the Java
 * implementation computes the lanes one after another, which made each Directus-strength
 * hash take about a second here, against a fifth of that with the baseline. Hashes
 * imported from Directus still verify at their own cost. At most one hash per processor
 * runs at a time, so a burst of logins queues instead of exhausting the heap.
 */
public final class PasswordHasher {

	private final Argon2PasswordEncoder encoder;

	private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	private final String dummyHash;

	public PasswordHasher() {
		this(new Argon2PasswordEncoder(16, 32, 1, 19456, 2));
	}

	PasswordHasher(Argon2PasswordEncoder encoder) {
		this.encoder = encoder;
		this.dummyHash = hash("tidings-dummy-password");
	}

	/** A PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. */
	public String hash(String password) {
		return bounded(() -> this.encoder.encode(password));
	}

	/**
	 * Whether the password matches the hash; false for a null or malformed hash. Without
	 * a hash the password is checked against a dummy one, so the answer takes as long as
	 * for a real user and timing does not reveal whether the user exists.
	 */
	public boolean matches(String password, @Nullable String hash) {
		if (hash == null || hash.isEmpty()) {
			bounded(() -> this.encoder.matches(password, this.dummyHash));
			return false;
		}
		return bounded(() -> this.encoder.matches(password, canonical(hash)));
	}

	/**
	 * The hash with its parameters in the order Spring's decoder requires
	 * ({@code m,t,p}). node-argon2 0.44 and later write them sorted ({@code m,p,t}),
	 * which the decoder would reject as malformed; the PHC format does not fix an order.
	 */
	static String canonical(String hash) {
		String[] parts = hash.split("\\$", -1);
		int at = (parts.length == 6) ? 3 : (parts.length == 5) ? 2 : -1;
		if (at < 0 || parts[at].startsWith("m=") && parts[at].indexOf(",t=") > 0
				&& parts[at].indexOf(",t=") < parts[at].indexOf(",p=")) {
			return hash;
		}
		Map<String, String> params = new HashMap<>();
		for (String param : parts[at].split(",")) {
			int equals = param.indexOf('=');
			if (equals < 0) {
				return hash;
			}
			params.put(param.substring(0, equals), param.substring(equals + 1));
		}
		if (params.size() != 3 || !params.keySet().containsAll(List.of("m", "t", "p"))) {
			return hash;
		}
		parts[at] = "m=" + params.get("m") + ",t=" + params.get("t") + ",p=" + params.get("p");
		return String.join("$", parts);
	}

	private <T> T bounded(java.util.function.Supplier<T> work) {
		this.running.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			this.running.release();
		}
	}

}
