package dev.tidings.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.tidings.errors.TidingsException;
import dev.tidings.security.internal.JwtJson;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTests {

	static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private static final UUID USER = UUID.fromString("5b1d3f8e-0f3a-4c33-9a51-7f0e2a6e0d11");

	private static final UUID ROLE = UUID.fromString("0c4b1c3e-7d2a-4f61-8e0b-2d9a3c1f5e77");

	private final AccessTokens tokens = new AccessTokens(TokenSecret.of(SECRET), Duration.ofMinutes(15),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void issueThenDirectusClaimsAndVerifies() {
		String token = this.tokens.issue(USER, new Accountability(USER, ROLE, List.of(ROLE), List.of(), false, true));

		Map<String, Object> payload = payloadOf(token);
		assertThat(payload).containsExactly(Map.entry("id", USER.toString()), Map.entry("role", ROLE.toString()),
				Map.entry("app_access", true), Map.entry("admin_access", false),
				Map.entry("iat", (Object) (int) NOW.getEpochSecond()),
				Map.entry("exp", (Object) (int) (NOW.getEpochSecond() + 900)), Map.entry("iss", "directus"));
		assertThat(headerOf(token)).containsEntry("alg", "HS256").containsEntry("typ", "JWT");
		assertThat(AccessTokens.isAccessToken(token)).isTrue();
		assertThat(this.tokens.verify(token)).isEqualTo(new AccessTokens.Verified(USER, NOW.plusSeconds(900)));
	}

	@Test
	void issueWhenNoRoleThenRoleClaimIsPresentAndNull() {
		String token = this.tokens.issue(USER, new Accountability(USER, null, List.of(), List.of(), false, false));
		assertThat(payloadOf(token)).containsEntry("role", null);
		assertThat(this.tokens.verify(token).user()).isEqualTo(USER);
	}

	@Test
	void verifyWhenSignedByDirectusWithSameSecretThenAccepted() {
		// what jsonwebtoken (Directus) signs: a plain claims set with the same secret
		// bytes
		String token = Jwts.builder()
			.json(JwtJson.serializer())
			.claims(Map.of("id", USER.toString(), "app_access", true, "admin_access", true))
			.claim("role", ROLE.toString())
			.issuer("directus")
			.issuedAt(java.util.Date.from(NOW))
			.expiration(java.util.Date.from(NOW.plusSeconds(60)))
			.signWith(key(SECRET), Jwts.SIG.HS256)
			.compact();
		assertThat(this.tokens.verify(token).user()).isEqualTo(USER);
	}

	@Test
	void verifyWhenExpiredThenTokenExpired() {
		String token = this.tokens.issue(USER, Accountability.system());
		AccessTokens later = new AccessTokens(TokenSecret.of(SECRET), Duration.ofMinutes(15),
				Clock.fixed(NOW.plusSeconds(901), ZoneOffset.UTC));
		assertRefused(() -> later.verify(token), "TOKEN_EXPIRED");
	}

	@Test
	void verifyWhenAlgNoneThenInvalidToken() {
		String token = encode(Map.of("alg", "none", "typ", "JWT"), validClaims()) + ".";
		assertRefused(() -> this.tokens.verify(token), "INVALID_TOKEN");
		String withSignature = encode(Map.of("alg", "none"), validClaims()) + ".c2ln";
		assertRefused(() -> this.tokens.verify(withSignature), "INVALID_TOKEN");
	}

	@Test
	void verifyWhenOtherHmacAlgorithmThenInvalidToken() {
		String hs512 = Jwts.builder()
			.json(JwtJson.serializer())
			.claims(validClaims())
			.signWith(key(SECRET + SECRET), Jwts.SIG.HS512)
			.compact();
		assertRefused(() -> this.tokens.verify(hs512), "INVALID_TOKEN");
		// an HS384 header over an HS256 signature with our key
		String[] parts = sign(validClaims(), SECRET).split("\\.");
		String relabelled = encodePart(Map.of("alg", "HS384", "typ", "JWT")) + "." + parts[1] + "." + parts[2];
		assertRefused(() -> this.tokens.verify(relabelled), "INVALID_TOKEN");
	}

	@Test
	void verifyWhenSignedWithAnotherSecretThenInvalidToken() {
		assertRefused(() -> this.tokens.verify(sign(validClaims(), "another-secret-of-at-least-32-bytes!")),
				"INVALID_TOKEN");
	}

	@Test
	void verifyWhenPayloadTamperedThenInvalidToken() {
		String[] parts = sign(validClaims(), SECRET).split("\\.");
		Map<String, Object> admin = validClaims();
		admin.put("id", UUID.randomUUID().toString());
		String tampered = parts[0] + "." + encodePart(admin) + "." + parts[2];
		assertRefused(() -> this.tokens.verify(tampered), "INVALID_TOKEN");
	}

	@Test
	void verifyWhenWrongIssuerThenInvalidToken() {
		Map<String, Object> claims = validClaims();
		claims.put("iss", "someone-else");
		String token = sign(claims, SECRET);
		assertThat(AccessTokens.isAccessToken(token)).isFalse();
		assertRefused(() -> this.tokens.verify(token), "INVALID_TOKEN");
	}

	@Test
	void verifyWhenRequiredClaimMissingThenInvalidToken() {
		for (String claim : List.of("id", "role", "app_access", "admin_access", "exp")) {
			Map<String, Object> claims = validClaims();
			claims.remove(claim);
			assertRefused(() -> this.tokens.verify(sign(claims, SECRET)), "INVALID_TOKEN");
		}
		Map<String, Object> notUuid = validClaims();
		notUuid.put("id", "42");
		assertRefused(() -> this.tokens.verify(sign(notUuid, SECRET)), "INVALID_TOKEN");
	}

	@Test
	void verifyWhenGarbageThenInvalidToken() {
		for (String garbage : List.of("", "x", "a.b.c", "....", "eyJhbGciOiJIUzI1NiJ9.e30", "%%%.%%%.%%%")) {
			assertThat(AccessTokens.isAccessToken(garbage)).isFalse();
			assertRefused(() -> this.tokens.verify(garbage), "INVALID_TOKEN");
		}
	}

	@Test
	void verifyWhenDuplicateClaimThenInvalidToken() throws Exception {
		String payload = "{\"id\":\"" + USER + "\",\"id\":\"" + UUID.randomUUID()
				+ "\",\"role\":null,\"app_access\":true,\"admin_access\":true,\"exp\":" + (NOW.getEpochSecond() + 60)
				+ ",\"iss\":\"directus\"}";
		String unsigned = encodePart(Map.of("alg", "HS256")) + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		String token = unsigned + "." + hmac(unsigned, SECRET);
		assertRefused(() -> this.tokens.verify(token), "INVALID_TOKEN");
	}

	@Test
	void secretWhenShorterThan32BytesThenFailsWithClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> TokenSecret.of("short"))
			.withMessageContaining("tidings.auth.secret")
			.withMessageContaining("at least 32 bytes");
		assertThat(TokenSecret.of(null)).isNotNull();
	}

	private static Map<String, Object> validClaims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("id", USER.toString());
		claims.put("role", null);
		claims.put("app_access", true);
		claims.put("admin_access", true);
		claims.put("iat", NOW.getEpochSecond());
		claims.put("exp", NOW.getEpochSecond() + 60);
		claims.put("iss", "directus");
		return claims;
	}

	/** Signs exactly these claims (nulls kept) with HS256, as a forger would. */
	private static String sign(Map<String, Object> claims, String secret) {
		return Jwts.builder()
			.json(JwtJson.serializer())
			.header()
			.type("JWT")
			.and()
			.content(JwtJson.write(claims))
			.signWith(key(secret), Jwts.SIG.HS256)
			.compact();
	}

	private static String hmac(String unsigned, String secret) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(key(secret));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
	}

	private static SecretKey key(String secret) {
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	private static String encode(Map<String, ?> header, Map<String, ?> claims) {
		return encodePart(header) + "." + encodePart(claims);
	}

	private static String encodePart(Map<String, ?> json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(JwtJson.write(json));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> payloadOf(String token) {
		return (Map<String, Object>) JwtJson.readObject(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> headerOf(String token) {
		return (Map<String, Object>) JwtJson.readObject(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(TidingsException.class,
				(ex) -> assertThat(ex.code().name()).isEqualTo(code));
	}

}
