package dev.tidings.realtime;

import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default handshake mode end to end (docs/protocol.md): credentials at upgrade or in
 * the first frame, the failures that close, and the messages a served socket answers.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-handshake;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake",
				"tidings.websockets.auth-timeout=2s" })
class HandshakeModeTests {

	static final String ADMIN = "admin@example.com";

	static final String ADMIN_PASSWORD = "admin-password-123";

	private final int port;

	private final JdbcTemplate jdbc;

	HandshakeModeTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	@AfterEach
	void removeCreatedRows() {
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
	}

	@Test
	void authWithAccessTokenThenAuthOkIsTheFirstFrameAndTheSocketIsServed() {
		String token = SocketClient.token(this.port, ADMIN, ADMIN_PASSWORD);
		try (SocketClient client = SocketClient.open(this.port, "")) {
			assertThat(client.ask(Map.of("type", "auth", "access_token", token)))
				.isEqualTo(Map.of("type", "auth", "status", "ok"));
			assertThat(client.ask(Map.of("type", "ping", "uid", 7))).isEqualTo(Map.of("type", "pong", "uid", 7));
		}
	}

	@Test
	void authWithEmailAndPasswordThenRefreshTokenAndRefreshingRotatesIt() {
		try (SocketClient client = SocketClient.open(this.port, "")) {
			Map<String, Object> ok = client.ask(Map.of("type", "auth", "email", "editor@example.com", "password",
					"editor-password-123", "uid", "a1"));
			assertThat(ok).containsEntry("type", "auth").containsEntry("status", "ok").containsEntry("uid", "a1");
			String refresh = (String) ok.get("refresh_token");
			assertThat(refresh).isNotBlank();

			Map<String, Object> again = client.ask(Map.of("type", "auth", "refresh_token", refresh));
			assertThat(again).containsEntry("status", "ok").containsKey("refresh_token");
			assertThat(again.get("refresh_token")).isNotEqualTo(refresh);
			assertThat(client.ask(Map.of("type", "items", "collection", "articles", "action", "read", "id", 1)))
				.containsEntry("type", "items");
		}
	}

	@Test
	void tokenInQueryThenServedWithoutAuthMessage() {
		String token = SocketClient.token(this.port, ADMIN, ADMIN_PASSWORD);
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(client.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
	}

	@Test
	void badTokenAtUpgradeThen401EvenInHandshakeMode() {
		assertThat(SocketClient.refusal(this.port, "?access_token=nonsense", Map.of())).isEqualTo(401);
		assertThat(SocketClient.refusal(this.port, "", Map.of("Cookie", "directus_session_token=stale")))
			.isEqualTo(401);
	}

	@Test
	void firstFrameNotAuthThenHandshakeFailedWithoutUidAndClosed() {
		try (SocketClient client = SocketClient.open(this.port, "")) {
			assertThat(client.ask(Map.of("type", "ping", "uid", "1"))).isEqualTo(Map.of("type", "auth", "status",
					"error", "error", Map.of("code", "AUTH_FAILED", "message", "Authentication handshake failed.")));
			assertThat(client.closeCode()).isEqualTo(1008);
		}
	}

	@Test
	void wrongPasswordInHandshakeThenAuthFailedAndClosed() {
		try (SocketClient client = SocketClient.open(this.port, "")) {
			Map<String, Object> reply = client
				.ask(Map.of("type", "auth", "email", ADMIN, "password", "wrong-password", "uid", "x"));
			assertThat(reply).containsEntry("status", "error").doesNotContainKey("uid");
			assertThat(client.closeCode()).isEqualTo(1008);
		}
	}

	@Test
	void silentHandshakeThenClosedAfterTheAuthTimeout() {
		try (SocketClient client = SocketClient.open(this.port, "")) {
			assertThat(client.next()).containsEntry("type", "auth")
				.containsEntry("error", Map.of("code", "AUTH_FAILED", "message", "Authentication handshake failed."));
			assertThat(client.closeCode()).isEqualTo(1008);
		}
	}

	@Test
	void failedReauthenticationThenAuthFailedWithUidAndClosed() {
		String token = SocketClient.token(this.port, ADMIN, ADMIN_PASSWORD);
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(client.ask(Map.of("type", "auth", "access_token", "forged", "uid", 3)))
				.isEqualTo(Map.of("type", "auth", "status", "error", "uid", 3, "error",
						Map.of("code", "AUTH_FAILED", "message", "Authentication failed.")));
			assertThat(client.closeCode()).isEqualTo(1008);
		}
	}

	@Test
	void malformedReauthenticationThenAnsweredAndStillServed() {
		String token = SocketClient.token(this.port, ADMIN, ADMIN_PASSWORD);
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(client.ask(Map.of("type", "auth", "uid", "m"))).containsEntry("status", "error")
				.containsEntry("uid", "m")
				.extractingByKey("error")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("code", "INVALID_PAYLOAD");
			assertThat(client.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
	}

	@Test
	void pipelinedMessagesAfterAuthAreAnsweredInOrder() {
		String token = SocketClient.token(this.port, ADMIN, ADMIN_PASSWORD);
		try (SocketClient client = SocketClient.open(this.port, "")) {
			client.send(Map.of("type", "auth", "access_token", token));
			client.send(Map.of("type", "ping", "uid", "after-auth"));
			assertThat(client.next()).containsEntry("status", "ok");
			assertThat(client.next()).isEqualTo(Map.of("type", "pong", "uid", "after-auth"));
		}
	}

	@Test
	void readerSocketReadsOnlyWhatReaderMay() {
		String token = SocketClient.token(this.port, "reader@example.com", "reader-password-123");
		try (SocketClient client = SocketClient.open(this.port, "?access_token=" + token)) {
			Map<String, Object> init = client
				.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "r", "query", Map.of("limit", -1)));
			List<Map<String, Object>> data = data(init);
			assertThat(data).hasSize(12)
				.allSatisfy((row) -> assertThat(row.keySet()).isSubsetOf("id", "title", "status", "published_at"))
				.allSatisfy((row) -> assertThat(row).containsEntry("status", "published"));
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> data(Map<String, Object> message) {
		return (List<Map<String, Object>>) message.get("data");
	}

}
