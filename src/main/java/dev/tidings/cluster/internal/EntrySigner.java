package dev.tidings.cluster.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies stream entries with HMAC-SHA256, so that only instances sharing the
 * secret can add entries the others act on. The key is derived from the secret for this
 * purpose alone ({@code HMAC(secret, "tidings-cluster-v1")}): the access tokens' key is
 * never used directly, and a signature over an entry can never pass for a token's. Every
 * field is covered, each prefixed with its length, so no two entries sign alike.
 */
public final class EntrySigner {

	/** The stream field holding the signature. */
	static final String FIELD = "sig";

	private static final String ALGORITHM = "HmacSHA256";

	private static final byte[] PURPOSE = "tidings-cluster-v1".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec key;

	public EntrySigner(String secret) {
		if (secret.isEmpty()) {
			throw new IllegalArgumentException("The cluster's entries need a secret to be signed with");
		}
		this.key = new SecretKeySpec(
				mac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)).doFinal(PURPOSE), ALGORITHM);
	}

	String sign(Entry entry) {
		return Base64.getEncoder().withoutPadding().encodeToString(digest(entry));
	}

	/** Whether the signature is this key's over exactly this entry. */
	boolean verifies(Entry entry, @Nullable String signature) {
		if (signature == null) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(digest(entry), given);
	}

	private byte[] digest(Entry entry) {
		Mac mac = mac(this.key);
		update(mac, entry.origin());
		mac.update(ByteBuffer.allocate(Long.BYTES).putLong(entry.sequence()).array());
		update(mac, entry.kind().name());
		update(mac, entry.data());
		return mac.doFinal();
	}

	private static void update(Mac mac, @Nullable String field) {
		byte[] bytes = (field != null) ? field.getBytes(StandardCharsets.UTF_8) : new byte[0];
		mac.update(ByteBuffer.allocate(Integer.BYTES).putInt((field != null) ? bytes.length : -1).array());
		mac.update(bytes);
	}

	private static Mac mac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			// every Java runtime ships HmacSHA256
			throw new IllegalStateException(ex);
		}
	}

}
