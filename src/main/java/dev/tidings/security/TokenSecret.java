package dev.tidings.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs access tokens: the raw UTF-8 bytes of the configured secret, as
 * Directus uses its {@code SECRET}, so tokens interoperate with a Directus sharing it.
 */
public final class TokenSecret {

	/** HS256 needs a key at least as long as its 256-bit hash (RFC 7518 §3.2). */
	static final int MIN_BYTES = 32;

	private static final Logger logger = LoggerFactory.getLogger(TokenSecret.class);

	private final SecretKey key;

	private TokenSecret(byte[] bytes) {
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
	}

	/**
	 * The configured secret, or a random one (with a warning) when none is configured.
	 * @throws IllegalStateException when the secret is shorter than 32 bytes
	 */
	public static TokenSecret of(@Nullable String configured) {
		if (configured == null || configured.isEmpty()) {
			logger.warn("No tidings.auth.secret (SECRET) is set: using a random one. Access tokens will not "
					+ "survive a restart nor work across instances; set a secret of at least " + MIN_BYTES + " bytes.");
			byte[] random = new byte[48];
			new SecureRandom().nextBytes(random);
			return new TokenSecret(Base64.getUrlEncoder().withoutPadding().encode(random));
		}
		byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_BYTES) {
			throw new IllegalStateException("tidings.auth.secret (SECRET) must be at least " + MIN_BYTES
					+ " bytes of UTF-8 to sign HS256 tokens safely, but it has " + bytes.length
					+ "; generate one with: openssl rand -base64 48");
		}
		return new TokenSecret(bytes);
	}

	SecretKey key() {
		return this.key;
	}

}
