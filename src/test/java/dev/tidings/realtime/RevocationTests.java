package dev.tidings.realtime;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.realtime.MessagesTests.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation ends what the old credentials could do, on every path: a changed or cleared
 * static token, a suspended or deleted user. The open socket is told
 * {@code TOKEN_EXPIRED} as on expiry, receives no push and reads nothing meanwhile, and
 * is closed after {@code AUTH_TIMEOUT}; REST and refresh refuse the old credentials, also
 * after a re-activation. A lesser permission (an access row or a role removed) keeps the
 * socket, whose next push follows the new permissions.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-revocation;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-timeout=2s",
				"tidings.auth.login-stall-time=10ms" })
class RevocationTests {

	private static final Map<String, Object> TOKEN_EXPIRED = Map.of("type", "auth", "status", "error", "error",
			Map.of("code", "TOKEN_EXPIRED", "message", "Token expired."));

	private static final Map<String, Object> READ = Map.of("type", "items", "collection", "articles", "action", "read",
			"query", Map.of("limit", 1), "uid", "read");

	private final int port;

	private final JdbcTemplate jdbc;

	private final String adminToken;

	private final String readerRole;

	RevocationTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.jdbc = jdbc;
		this.adminToken = SocketClient.token(port, "admin@example.com", "admin-password-123");
		this.readerRole = String
			.valueOf(jdbc.queryForObject("select id from tidings_roles where name = 'Reader'", Object.class));
	}

	@AfterEach
	void removeCreatedRows() {
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
		this.jdbc.update("DELETE FROM tidings_users WHERE email LIKE 'revoked-%'");
	}

	@Test
	void staticTokenClearedThenSocketToldNothingPushedNothingReadAndClosed() {
		String user = user("revoked-cleared@example.com", Map.of("token", "static-token-to-be-cleared"));
		try (SocketClient socket = subscribed("static-token-to-be-cleared")) {
			int before = create("published");
			assertThat(keys(socket.next())).containsExactly(before);

			admin("PATCH", "/users/" + user, "{\"token\":null}");
			create("published");

			assertRevokedAndClosed(socket);
		}
		assertThat(status(Rest.call(this.port, "static-token-to-be-cleared", "GET", "/items/articles", null)))
			.isEqualTo(401);
	}

	@Test
	void staticTokenChangedThenOldTokenRevokedAndTheNewOneAuthenticatesTheSocketAgain() {
		String user = user("revoked-changed@example.com", Map.of("token", "static-token-before"));
		try (SocketClient socket = subscribed("static-token-before")) {
			admin("PATCH", "/users/" + user, "{\"token\":\"static-token-after\"}");
			create("published");

			assertThat(socket.next()).isEqualTo(TOKEN_EXPIRED);
			assertThat(error(socket.ask(READ))).containsEntry("code", "FORBIDDEN");
			assertThat(socket.ask(Map.of("type", "auth", "access_token", "static-token-after", "uid", "again")))
				.containsEntry("status", "ok");
			int after = create("published");
			assertThat(keys(socket.next())).containsExactly(after);
		}
		assertThat(status(Rest.call(this.port, "static-token-before", "GET", "/items/articles", null))).isEqualTo(401);
		assertThat(status(Rest.call(this.port, "static-token-after", "GET", "/items/articles", null))).isEqualTo(200);
	}

	@Test
	void suspendedUserIsRevokedEverywhereAndStaysRevokedAfterReactivation() {
		String user = user("revoked-suspended@example.com", Map.of());
		Map<String, Object> tokens = SocketClient.login(this.port, "revoked-suspended@example.com",
				"revoked-password-1");
		String access = (String) tokens.get("access_token");
		try (SocketClient socket = subscribed(access)) {
			admin("PATCH", "/users/" + user, "{\"status\":\"suspended\"}");
			create("published");
			assertThat(socket.next()).isEqualTo(TOKEN_EXPIRED);
			assertThat(status(Rest.call(this.port, access, "GET", "/items/articles", null))).isEqualTo(401);
			assertThat(status(refresh(tokens.get("refresh_token")))).isEqualTo(401);

			admin("PATCH", "/users/" + user, "{\"status\":\"active\"}");
			create("published");

			assertClosedWithoutPush(socket);
		}
		HttpResponse<String> refreshed = refresh(tokens.get("refresh_token"));
		assertThat(status(refreshed)).as(refreshed.body()).isEqualTo(401);
		assertThat(refreshed.body()).contains("INVALID_CREDENTIALS");
	}

	@Test
	void deletedUserIsRevokedEverywhere() {
		String user = user("revoked-deleted@example.com", Map.of());
		Map<String, Object> tokens = SocketClient.login(this.port, "revoked-deleted@example.com", "revoked-password-1");
		String access = (String) tokens.get("access_token");
		try (SocketClient socket = subscribed(access)) {
			admin("DELETE", "/users/" + user, null);
			create("published");

			assertRevokedAndClosed(socket);
		}
		assertThat(status(Rest.call(this.port, access, "GET", "/items/articles", null))).isEqualTo(401);
		assertThat(status(refresh(tokens.get("refresh_token")))).isEqualTo(401);
	}

	@Test
	void accessRowRemovedThenTheSocketsNextPushFollowsTheLesserPermissions() {
		String user = user("revoked-access@example.com", Map.of("token", "static-token-of-access"));
		String policy = everythingPolicy();
		String access = id(admin("POST", "/access", Map.of("user", user, "policy", policy)));
		try (SocketClient socket = subscribed("static-token-of-access")) {
			int draft = create("draft");
			assertThat(keys(socket.next())).containsExactly(draft);

			admin("DELETE", "/access/" + access, null);

			assertLesserPermissionsApply(socket);
		}
	}

	@Test
	void roleRemovedThenTheSocketsNextPushFollowsTheLesserPermissions() {
		String role = id(admin("POST", "/roles", Map.of("name", "revoked-everything")));
		admin("POST", "/access", Map.of("role", role, "policy", everythingPolicy()));
		String user = user("revoked-role@example.com", Map.of("token", "static-token-of-role", "role", role));
		// the Reader's policy, attached to the user itself, outlives the role
		Object readerPolicy = this.jdbc.queryForObject("select policy from tidings_access where role = ?", Object.class,
				UUID.fromString(this.readerRole));
		admin("POST", "/access", Map.of("user", user, "policy", String.valueOf(readerPolicy)));
		try (SocketClient socket = subscribed("static-token-of-role")) {
			int draft = create("draft");
			assertThat(keys(socket.next())).containsExactly(draft);

			admin("DELETE", "/roles/" + role, null);

			assertLesserPermissionsApply(socket);
		}
	}

	/**
	 * The socket stays, but a draft is no longer pushed and a published article arrives
	 * with the Reader's fields only.
	 */
	private void assertLesserPermissionsApply(SocketClient socket) {
		create("draft");
		int published = create("published");
		Map<String, Object> push = socket.next();
		assertThat(keys(push)).containsExactly(published);
		assertThat(rows(push)).singleElement()
			.satisfies((row) -> assertThat(row).containsOnlyKeys("id", "title", "status"));
		assertThat(socket.ask(READ)).containsEntry("type", "items");
		assertThat(socket.isClosed()).isFalse();
	}

	/** Told {@code TOKEN_EXPIRED}, then closed without a push. */
	private void assertRevokedAndClosed(SocketClient socket) {
		assertThat(socket.next()).isEqualTo(TOKEN_EXPIRED);
		assertClosedWithoutPush(socket);
	}

	/**
	 * An {@code items} read refused, then {@code AUTH_TIMEOUT} and close 1008, and no
	 * push at all in between.
	 */
	private void assertClosedWithoutPush(SocketClient socket) {
		assertThat(error(socket.ask(READ))).containsEntry("code", "FORBIDDEN");
		assertThat(socket.closeCode()).isEqualTo(1008);
		List<Map<String, Object>> rest = new ArrayList<>();
		socket.pending().drainTo(rest);
		assertThat(rest).as("after revocation")
			.containsExactly(Map.of("type", "auth", "status", "error", "error",
					Map.of("code", "AUTH_TIMEOUT", "message", "Authentication timed out.")));
	}

	private SocketClient subscribed(String token) {
		SocketClient client = SocketClient.open(this.port, "?access_token=" + token);
		Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live",
				"query", Map.of("fields", List.of("id", "title", "status"), "limit", 1)));
		assertThat(init).containsEntry("event", "init");
		return client;
	}

	/** A Reader with the given extra fields; its password is revoked-password-1. */
	private String user(String email, Map<String, Object> extra) {
		Map<String, Object> user = new HashMap<>(
				Map.of("email", email, "password", "revoked-password-1", "role", this.readerRole));
		user.putAll(extra);
		return id(admin("POST", "/users", user));
	}

	/** A policy that reads every article with every field. */
	private String everythingPolicy() {
		String policy = id(admin("POST", "/policies", Map.of("name", "revoked-everything", "app_access", false)));
		admin("POST", "/permissions",
				Map.of("policy", policy, "collection", "articles", "action", "read", "fields", List.of("*")));
		return policy;
	}

	@SuppressWarnings("unchecked")
	private int create(String status) {
		Map<String, Object> reply = admin("POST", "/items/articles",
				Map.of("title", "Revocation " + status, "status", status));
		return (Integer) ((Map<String, Object>) reply.get("data")).get("id");
	}

	private Map<String, Object> admin(String method, String path, @Nullable Object body) {
		return Rest.send(this.port, this.adminToken, method, path, body);
	}

	private HttpResponse<String> refresh(Object refreshToken) {
		return Rest.call(this.port, null, "POST", "/auth/refresh",
				Map.of("refresh_token", refreshToken, "mode", "json"));
	}

	private static int status(HttpResponse<String> response) {
		return response.statusCode();
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> reply) {
		return String.valueOf(((Map<String, Object>) reply.get("data")).get("id"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> push) {
		assertThat(push).containsEntry("type", "subscription");
		return (List<Map<String, Object>>) push.get("data");
	}

	private static List<Object> keys(Map<String, Object> push) {
		return rows(push).stream().map((row) -> row.get("id")).toList();
	}

}
