package dev.tidings.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	/**
	 * Written by node-argon2 0.45.1 (what Directus uses) with its default options:
	 * {@code require('argon2').hash('directus-password-123')}.
	 */
	private static final String NODE_ARGON2_HASH = "$argon2id$v=19$m=65536,p=4,t=3$/gLf7z4YBYTSV75U4hkzwA$Gek7UcJvgku8ny6Q2jrm/Llc0q2NgGG7fpj0wM5Gi0g";

	private final PasswordHasher hasher = new PasswordHasher();

	@Test
	void matchesWhenHashWrittenByDirectusThenTrue() {
		assertThat(this.hasher.matches("directus-password-123", NODE_ARGON2_HASH)).isTrue();
	}

	@Test
	void matchesWhenParametersInOlderNodeArgon2OrderThenTrue() {
		// node-argon2 before 0.44 wrote m,t,p; the same hash in that order
		String older = NODE_ARGON2_HASH.replace("m=65536,p=4,t=3", "m=65536,t=3,p=4");
		assertThat(this.hasher.matches("directus-password-123", older)).isTrue();
	}

	@Test
	void matchesWhenWrongPasswordThenFalse() {
		assertThat(this.hasher.matches("directus-password-124", NODE_ARGON2_HASH)).isFalse();
	}

	@Test
	void hashWhenWrittenThenDirectusParametersAndVerifies() {
		String hash = this.hasher.hash("correct horse");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		String[] parts = hash.split("\\$");
		assertThat(java.util.Base64.getDecoder().decode(parts[4])).hasSize(16);
		assertThat(java.util.Base64.getDecoder().decode(parts[5])).hasSize(32);
		assertThat(this.hasher.matches("correct horse", hash)).isTrue();
		assertThat(this.hasher.matches("correct horsf", hash)).isFalse();
	}

	@Test
	void matchesWhenNoOrMalformedHashThenFalse() {
		assertThat(this.hasher.matches("x", null)).isFalse();
		assertThat(this.hasher.matches("x", "")).isFalse();
		assertThat(this.hasher.matches("x", "$2b$10$notargon")).isFalse();
	}

}
