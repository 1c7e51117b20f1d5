package dev.tidings.realtime;

import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.realtime.MessagesTests.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict mode and token expiry (docs/protocol.md, "Authentication modes" and "Heartbeat
 * and token expiry") with a two-second access token: the socket is told
 * {@code TOKEN_EXPIRED}, may do nothing until it re-authenticates (Directus lets it read
 * as the public or more), and is closed after {@code AUTH_TIMEOUT}.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-strict;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=strict",
				"tidings.websockets.auth-timeout=2s", "tidings.auth.access-token-ttl=2s" })
class StrictModeAndExpiryTests {

	private final int port;

	StrictModeAndExpiryTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void strictWithoutTokenThen401() {
		assertThat(SocketClient.refusal(this.port, "", Map.of())).isEqualTo(401);
	}

	@Test
	void strictWithTokenInQueryOrCookieThenServed() {
		String token = SocketClient.token(this.port, "admin@example.com", "admin-password-123");
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(client.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
		try (SocketClient client = SocketClient.open(this.port, "",
				Map.of("Cookie", "other=1; directus_session_token=" + token))) {
			assertThat(client.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
	}

	@Test
	void expiredTokenThenTokenExpiredNothingAllowedThenAuthTimeoutAndClose() {
		String token = SocketClient.token(this.port, "editor@example.com", "editor-password-123");
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(client.next()).isEqualTo(Map.of("type", "auth", "status", "error", "error",
					Map.of("code", "TOKEN_EXPIRED", "message", "Token expired.")));
			Map<String, Object> read = client
				.ask(Map.of("type", "items", "collection", "articles", "action", "read", "uid", 1));
			assertThat(error(read)).containsEntry("code", "FORBIDDEN");
			assertThat(client.next()).isEqualTo(Map.of("type", "auth", "status", "error", "error",
					Map.of("code", "AUTH_TIMEOUT", "message", "Authentication timed out.")));
			assertThat(client.closeCode()).isEqualTo(1008);
		}
	}

	@Test
	void expiredTokenThenReauthenticationRestoresTheSocket() {
		Map<String, Object> tokens = SocketClient.login(this.port, "editor@example.com", "editor-password-123");
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + tokens.get("access_token"))) {
			assertThat(client.next()).containsEntry("error",
					Map.of("code", "TOKEN_EXPIRED", "message", "Token expired."));
			Map<String, Object> ok = client
				.ask(Map.of("type", "auth", "refresh_token", tokens.get("refresh_token"), "uid", "re"));
			assertThat(ok).containsEntry("status", "ok").containsEntry("uid", "re").containsKey("refresh_token");
			assertThat(client.ask(Map.of("type", "items", "collection", "articles", "action", "read", "id", 1)))
				.containsEntry("type", "items")
				.containsKey("data");
		}
	}

}
