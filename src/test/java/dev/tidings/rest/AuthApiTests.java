package dev.tidings.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tidings.app.TidingsApplication;
import dev.tidings.security.PasswordHasher;
import dev.tidings.security.SecurityCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /auth/*} and token authentication over real HTTP. The client address is set with
 * {@code X-Forwarded-For}, which the container trusts from loopback here only because
 * this test enables forwarded headers, as a host behind a proxy would.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:auth-api-tests;DB_CLOSE_DELAY=-1",
				"tidings.auth.secret=" + AuthApiTests.SECRET, "tidings.auth.login-stall-time=" + AuthApiTests.STALL_MS,
				"tidings.auth.throttle.failures-per-account=3", "server.forward-headers-strategy=native" })
class AuthApiTests {

	static final String SECRET = "auth-api-tests-secret-of-32-bytes-or-more";

	static final int STALL_MS = 250;

	private static final String ADMIN_ROLE = "0e5c1c3a-8f4b-4b0e-9d56-2b7f1a9e4c20";

	private static final String PASSWORD = "right-password-123";

	private static final AtomicInteger addresses = new AtomicInteger();

	private static String passwordHash;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final JdbcTemplate jdbc;

	private final SecurityCache cache;

	private final MeterRegistry meters;

	/**
	 * A fresh client address per test, so throttling in one test never touches another.
	 */
	private final String address = "192.0.2." + addresses.incrementAndGet();

	private UUID admin;

	AuthApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc, @Autowired PasswordHasher passwords,
			@Autowired SecurityCache cache, @Autowired MeterRegistry meters) {
		this.base = "http://localhost:" + port;
		this.jdbc = jdbc;
		this.cache = cache;
		this.meters = meters;
		synchronized (AuthApiTests.class) {
			if (passwordHash == null) {
				passwordHash = passwords.hash(PASSWORD);
			}
		}
	}

	@BeforeEach
	void oneAdmin() {
		this.jdbc.update("delete from tidings_sessions");
		this.jdbc.update("delete from tidings_users");
		this.admin = UUID.randomUUID();
		this.jdbc.update("insert into tidings_users (id, email, password, status, role) values (?, ?, ?, 'active', ?)",
				this.admin, "Admin@Example.com", passwordHash, UUID.fromString(ADMIN_ROLE));
		this.cache.invalidate();
	}

	@Test
	void loginWhenJsonModeThenTokensSessionAndLastAccess() {
		HttpResponse<String> response = post("/auth/login", login("admin@example.com", PASSWORD, "json"), null);

		Map<String, Object> data = data(response);
		assertThat(data).containsOnlyKeys("access_token", "refresh_token", "expires");
		assertThat(data.get("expires")).isEqualTo(900000);
		assertThat((String) data.get("refresh_token")).hasSize(64).matches("[A-Za-z0-9_-]+");
		assertThat(sessionDigests()).containsExactly(sha256((String) data.get("refresh_token")));
		assertThat(this.jdbc.queryForObject("select last_access from tidings_users", Instant.class)).isNotNull();
		assertThat(get("/items/articles?limit=1", (String) data.get("access_token")).statusCode()).isEqualTo(200);
	}

	@Test
	void loginWhenNoModeThenJson() {
		assertThat(data(post("/auth/login", login("admin@example.com", PASSWORD, null), null)))
			.containsKey("refresh_token");
	}

	@Test
	void loginWhenCookieModeThenRefreshTokenOnlyInCookieAndRefreshReadsIt() {
		HttpResponse<String> response = post("/auth/login", login("admin@example.com", PASSWORD, "cookie"), null);

		assertThat(data(response)).containsOnlyKeys("access_token", "expires");
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("directus_refresh_token=")
			.contains("Max-Age=604800", "Path=/", "HttpOnly", "SameSite=Lax")
			// plain HTTP, and the default follows the request's scheme
			.doesNotContain("Secure");
		String token = cookie.substring("directus_refresh_token=".length(), cookie.indexOf(';'));
		assertThat(sessionDigests()).containsExactly(sha256(token));

		HttpResponse<String> refreshed = send("POST", "/auth/refresh", null, null, "directus_refresh_token=" + token);
		assertThat(data(refreshed)).containsOnlyKeys("access_token", "expires");
		assertThat(refreshed.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("directus_refresh_token=")
			.doesNotContain(token);

		HttpResponse<String> logout = send("POST", "/auth/logout", null, null,
				"directus_refresh_token=" + cookieValue(refreshed));
		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("directus_refresh_token=;")
			.contains("Max-Age=0");
	}

	@Test
	void refreshWhenRotatedThenOldTokenYieldsSameSuccessorOnlyWithinGrace() {
		String first = (String) data(post("/auth/login", login("admin@example.com", PASSWORD, "json"), null))
			.get("refresh_token");

		Map<String, Object> rotated = data(post("/auth/refresh", json(Map.of("refresh_token", first)), null));
		String second = (String) rotated.get("refresh_token");
		assertThat(second).hasSize(64).isNotEqualTo(first);
		assertThat(get("/items/articles?limit=1", (String) rotated.get("access_token")).statusCode()).isEqualTo(200);
		assertThat(data(post("/auth/refresh", json(Map.of("refresh_token", first)), null)))
			.containsEntry("refresh_token", second);

		// the grace period (10 s) is over
		this.jdbc.update("update tidings_sessions set expires = ? where token = ?", Instant.now().minusSeconds(1),
				sha256(first));
		error(post("/auth/refresh", json(Map.of("refresh_token", first, "mode", "json")), null), 401,
				"INVALID_CREDENTIALS");
		assertThat(data(post("/auth/refresh", json(Map.of("refresh_token", second)), null)).get("refresh_token"))
			.isNotEqualTo(second);
	}

	@Test
	void refreshWhenConcurrentWithOneTokenThenAllSucceedWithTheSameSuccessor() {
		String token = (String) data(post("/auth/login", login("admin@example.com", PASSWORD, "json"), null))
			.get("refresh_token");
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(this.http.sendAsync(
					request("POST", "/auth/refresh", json(Map.of("refresh_token", token)), null, null),
					BodyHandlers.ofString()));
		}
		List<Object> successors = calls.stream()
			.map(CompletableFuture::join)
			.map((r) -> data(r).get("refresh_token"))
			.distinct()
			.toList();
		assertThat(successors).hasSize(1);
		assertThat(sessionDigests()).hasSize(2);
	}

	@Test
	void logoutThenSessionGoneAndRefreshRefused() {
		String token = (String) data(post("/auth/login", login("admin@example.com", PASSWORD, "json"), null))
			.get("refresh_token");

		assertThat(post("/auth/logout", json(Map.of("refresh_token", token)), null).statusCode()).isEqualTo(204);
		assertThat(sessionDigests()).isEmpty();
		error(post("/auth/refresh", json(Map.of("refresh_token", token)), null), 401, "INVALID_CREDENTIALS");
		assertThat(post("/auth/logout", json(Map.of("refresh_token", "unknown")), null).statusCode()).isEqualTo(204);
	}

	@Test
	void refreshWhenNoTokenThenInvalidPayload() {
		Map<String, Object> error = error(send("POST", "/auth/refresh", null, null, null), 400, "INVALID_PAYLOAD");
		assertThat(error.get("message"))
			.isEqualTo("Invalid payload. The refresh token is required in either the payload or cookie.");
		error(post("/auth/refresh", json(Map.of("mode", "json")), null), 400, "INVALID_PAYLOAD");
	}

	@Test
	void loginWhenUnknownEmailOrWrongPasswordThenSameAnswerAndNoSession() {
		HttpResponse<String> unknown = post("/auth/login", login("nobody@example.com", PASSWORD, "json"), null);
		HttpResponse<String> wrong = post("/auth/login", login("admin@example.com", "wrong-password", "json"), null);
		this.jdbc.update("update tidings_users set password = null");
		HttpResponse<String> noPassword = post("/auth/login", login("admin@example.com", PASSWORD, "json"), null);

		for (HttpResponse<String> response : List.of(unknown, wrong, noPassword)) {
			assertThat(error(response, 401, "INVALID_CREDENTIALS")).isEqualTo(Map.of("message",
					"Invalid user credentials.", "extensions", Map.of("code", "INVALID_CREDENTIALS")));
		}
		assertThat(unknown.body()).isEqualTo(wrong.body());
		assertThat(sessionDigests()).isEmpty();
	}

	@Test
	void loginWhenPayloadMalformedThenInvalidPayloadAfterTheStall() {
		for (Map<String, Object> payload : List.of(login("not-an-email", PASSWORD, "json"),
				login("user@localhost", PASSWORD, "json"), Map.<String, Object>of("email", "admin@example.com"),
				login("admin@example.com", PASSWORD, "session"))) {
			long started = System.nanoTime();
			HttpResponse<String> response = post("/auth/login", json(payload), null);
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.isGreaterThanOrEqualTo(Duration.ofMillis(STALL_MS));
			error(response, 400, "INVALID_PAYLOAD");
		}
		assertThat(sessionDigests()).isEmpty();
	}

	@Test
	void requestWhenAccessTokenIsBadThenRefusedEvenOnLogin() {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = claims(now + 60);
		Map<String, Object> expired = claims(now - 1);
		Map<String, Object> noRole = claims(now + 60);
		noRole.remove("role");
		Map<String, Object> otherIssuer = claims(now + 60);
		otherIssuer.put("iss", "elsewhere");

		assertThat(get("/items/articles?limit=1", sign("HS256", claims, SECRET)).statusCode()).isEqualTo(200);
		error(get("/items/articles", sign("HS256", expired, SECRET)), 401, "TOKEN_EXPIRED");
		error(get("/items/articles", sign("HS256", noRole, SECRET)), 403, "INVALID_TOKEN");
		error(get("/items/articles", sign("HS256", claims, "another-secret-that-is-32-bytes-long")), 403,
				"INVALID_TOKEN");
		error(get("/items/articles", sign("HS512", claims, SECRET)), 403, "INVALID_TOKEN");
		error(get("/items/articles", part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + "."), 403,
				"INVALID_TOKEN");
		// not a Directus JWT: treated as a static token, as Directus does
		error(get("/items/articles", sign("HS256", otherIssuer, SECRET)), 401, "INVALID_CREDENTIALS");
		error(get("/items/articles", "garbage"), 401, "INVALID_CREDENTIALS");

		error(post("/auth/login", login("admin@example.com", PASSWORD, "json"), sign("HS256", noRole, SECRET)), 403,
				"INVALID_TOKEN");
		assertThat(sessionDigests()).isEmpty();
	}

	@Test
	void staticTokenWhenUserActiveThenWorksAndWhenSuspendedThenRefused() {
		this.jdbc.update("update tidings_users set token = ?", sha256("my-static-token"));

		assertThat(get("/items/articles?limit=1", "my-static-token").statusCode()).isEqualTo(200);
		suspend();
		error(get("/items/articles?limit=1", "my-static-token"), 401, "INVALID_CREDENTIALS");
	}

	@Test
	void accessTokenWhenUserSuspendedThenRefusedOnTheNextRequestAndRefreshDeletesSession() {
		Map<String, Object> tokens = data(post("/auth/login", login("admin@example.com", PASSWORD, "json"), null));
		String access = (String) tokens.get("access_token");
		assertThat(get("/items/articles?limit=1", access).statusCode()).isEqualTo(200);

		suspend();

		error(get("/items/articles?limit=1", access), 401, "INVALID_CREDENTIALS");
		error(post("/auth/refresh", json(Map.of("refresh_token", tokens.get("refresh_token"))), null), 401,
				"USER_SUSPENDED");
		assertThat(sessionDigests()).isEmpty();
	}

	@Test
	void loginWhenAttackerExhaustsThrottleThenAttackerGets429AndRealUserLogsInFromElsewhere() {
		double wrong = failures("INVALID_CREDENTIALS");
		double throttled = failures("REQUESTS_EXCEEDED");
		String attacker = "198.51.100." + addresses.incrementAndGet();
		for (int i = 0; i < 3; i++) {
			error(post("/auth/login", login("admin@example.com", "guess-" + i, "json"), null, attacker), 401,
					"INVALID_CREDENTIALS");
		}

		HttpResponse<String> blocked = post("/auth/login", login("admin@example.com", PASSWORD, "json"), null,
				attacker);
		Map<String, Object> error = error(blocked, 429, "REQUESTS_EXCEEDED");
		assertThat(Reply.extensions(error)).containsEntry("limit", 3).containsKey("reset");
		assertThat((String) error.get("message")).matches("Too many requests, retry after (60 seconds|1 minute)\\.");
		assertThat(blocked.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(failures("INVALID_CREDENTIALS")).isEqualTo(wrong + 3);
		assertThat(failures("REQUESTS_EXCEEDED")).isEqualTo(throttled + 1);

		assertThat(data(post("/auth/login", login("admin@example.com", PASSWORD, "json"), null)))
			.containsKey("access_token");
		assertThat(this.jdbc.queryForObject("select status from tidings_users", String.class)).isEqualTo("active");
	}

	/** Refused authentications so far, with that reason. */
	private double failures(String reason) {
		Counter counter = this.meters.find("tidings.auth.failures").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * What an admin's PATCH of the user will do: change the row, then the cache forgets.
	 */
	private void suspend() {
		this.jdbc.update("update tidings_users set status = 'suspended'");
		this.cache.invalidate();
	}

	private List<String> sessionDigests() {
		return this.jdbc.queryForList("select token from tidings_sessions", String.class);
	}

	private static Map<String, Object> claims(long exp) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("id", null);
		claims.put("role", ADMIN_ROLE);
		claims.put("app_access", true);
		claims.put("admin_access", true);
		claims.put("iat", exp - 60);
		claims.put("exp", exp);
		claims.put("iss", "directus");
		return claims;
	}

	private String sign(String alg, Map<String, Object> claims, String secret) {
		Map<String, Object> withUser = new LinkedHashMap<>(claims);
		withUser.put("id", this.admin.toString());
		String unsigned = part(Map.of("alg", alg, "typ", "JWT")) + "." + part(withUser);
		try {
			String algorithm = alg.equals("HS512") ? "HmacSHA512" : "HmacSHA256";
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return unsigned + "."
					+ Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String part(Map<String, ?> json) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(ApiClient.json(json).getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, Object> login(String email, String password, String mode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("password", password);
		if (mode != null) {
			body.put("mode", mode);
		}
		return body;
	}

	private static String json(Map<String, ?> body) {
		return ApiClient.json(body);
	}

	private HttpResponse<String> post(String path, Map<String, Object> body, String bearer) {
		return post(path, json(body), bearer);
	}

	private HttpResponse<String> post(String path, Map<String, Object> body, String bearer, String address) {
		return send(request("POST", path, json(body), bearer, null, address));
	}

	private HttpResponse<String> post(String path, String body, String bearer) {
		return send("POST", path, body, bearer, null);
	}

	private HttpResponse<String> get(String path, String bearer) {
		return send("GET", path, null, bearer, null);
	}

	private HttpResponse<String> send(String method, String path, String body, String bearer, String cookie) {
		return send(request(method, path, body, bearer, cookie));
	}

	private HttpRequest request(String method, String path, String body, String bearer, String cookie) {
		return request(method, path, body, bearer, cookie, this.address);
	}

	private HttpRequest request(String method, String path, String body, String bearer, String cookie, String address) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", address)
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", ApiClient.JSON);
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return request.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> data(HttpResponse<String> response) {
		return reply(response).item();
	}

	private static Map<String, Object> error(HttpResponse<String> response, int status, String code) {
		return reply(response).error(status, code);
	}

	private static Reply reply(HttpResponse<String> response) {
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body());
	}

	private static String cookieValue(HttpResponse<String> response) {
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
