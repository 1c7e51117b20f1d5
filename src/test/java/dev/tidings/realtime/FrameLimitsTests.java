package dev.tidings.realtime;

import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.realtime.HandshakeModeTests.data;
import static dev.tidings.realtime.MessagesTests.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames carrying hostile sizes over a served socket: each gets an error frame of its
 * type, and the socket stays open and usable. Shares its server with
 * {@link MessagesTests} (same configuration), whose {@code limit} ceiling is the default
 * 1000.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-handshake;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake",
				"tidings.websockets.auth-timeout=2s" })
class FrameLimitsTests {

	private static final String HUGE_EXPONENT = "1e900000000";

	private final int port;

	private final JdbcTemplate jdbc;

	FrameLimitsTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	@AfterEach
	void removeCreatedRows() {
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
	}

	private SocketClient reader() {
		return SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, "reader@example.com", "reader-password-123"));
	}

	private SocketClient admin() {
		return SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, "admin@example.com", "admin-password-123"));
	}

	@Test
	void filterWithHugeExponentThenErrorFrameAndTheSocketStaysOpen() {
		try (SocketClient client = reader()) {
			Map<String, Object> reply = client
				.ask("{\"type\":\"items\",\"collection\":\"articles\",\"action\":\"read\","
						+ "\"uid\":\"x\",\"query\":{\"filter\":{\"title\":{\"_in\":[" + HUGE_EXPONENT + "]}}}}");

			assertThat(reply).containsEntry("type", "items").containsEntry("uid", "x");
			assertThat(error(reply)).containsEntry("code", "INVALID_PAYLOAD");
			assertOpen(client);
		}
	}

	@Test
	void filterAsStringWithHugeExponentThenInvalidQuery() {
		try (SocketClient client = reader()) {
			Map<String, Object> reply = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "s",
					"query", Map.of("filter", "{\"title\":{\"_in\":[" + HUGE_EXPONENT + "]}}")));

			assertThat(error(reply)).containsEntry("code", "INVALID_QUERY");
			assertOpen(client);
		}
	}

	@Test
	void uidWithHugeExponentThenErrorFrameWithoutIt() {
		try (SocketClient client = reader()) {
			Map<String, Object> reply = client.ask("{\"type\":\"ping\",\"uid\":" + HUGE_EXPONENT + "}");

			assertThat(reply).containsEntry("type", "ping").doesNotContainKey("uid");
			assertThat(error(reply)).containsEntry("code", "INVALID_PAYLOAD");
			assertOpen(client);
		}
	}

	@Test
	void createWithHugeExponentOrEndlessDigitsThenErrorFramesAndNothingWritten() {
		try (SocketClient client = admin()) {
			assertThat(error(client.ask("{\"type\":\"items\",\"collection\":\"articles\",\"action\":\"create\","
					+ "\"data\":{\"title\":\"x\",\"views\":" + HUGE_EXPONENT + "}}")))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertThat(error(client.ask("{\"type\":\"items\",\"collection\":\"articles\",\"action\":\"create\","
					+ "\"data\":{\"title\":\"x\",\"views\":" + "7".repeat(200_000) + "}}")))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertThat(error(client.ask("{\"type\":\"items\",\"collection\":\"articles\",\"action\":\"create\","
					+ "\"data\":{\"title\":\"x\",\"views\":\"" + "7".repeat(5000) + "\"}}")))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertOpen(client);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Integer.class)).isEqualTo(20);
		}
	}

	@Test
	void numberBeyondAnyDecimalOrHalfASurrogatePairThenErrorFrameAndTheSocketStaysOpen() {
		try (SocketClient client = reader()) {
			assertThat(error(client.ask("{\"type\":\"unsubscribe\",\"uid\":1E-2147483648}"))).containsEntry("code",
					"INVALID_PAYLOAD");
			assertThat(error(client
				.ask("{\"type\":\"subscribe\",\"collection\":\"articles\",\"uid\":\"u\",\"query\":1E-2147483648}")))
				.containsEntry("code", "INVALID_PAYLOAD");
			// echoed back, this uid would be a frame no UTF-8 writer can send
			assertThat(error(client.ask("{\"type\":\"subscribe\",\"collection\":\"articles\",\"uid\":\"\\ud800\"}")))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertOpen(client);
		}
	}

	@Test
	void frameNestedTooDeepThenErrorFrameAndTheSocketStaysOpen() {
		try (SocketClient client = reader()) {
			Map<String, Object> reply = client.ask("{\"type\":\"ping\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}");

			assertThat(error(reply)).containsEntry("code", "INVALID_PAYLOAD");
			assertOpen(client);
		}
	}

	@Test
	void limitAboveTheCeilingThenInvalidQueryAndMinusOneReadsUpToIt() {
		try (SocketClient client = admin()) {
			assertThat(error(client.ask(
					Map.of("type", "subscribe", "collection", "articles", "uid", "s", "query", Map.of("limit", 1001)))))
				.containsEntry("code", "INVALID_QUERY")
				.containsEntry("message", "Invalid query. \"limit\" must be less than or equal to 1000.");
			assertThat(error(client.ask(Map.of("type", "items", "collection", "articles", "action", "read", "query",
					Map.of("limit", "1001")))))
				.containsEntry("code", "INVALID_QUERY");
			assertThat(data(client.ask(
					Map.of("type", "items", "collection", "articles", "action", "read", "query", Map.of("limit", -1)))))
				.hasSize(20);
		}
	}

	private static void assertOpen(SocketClient client) {
		assertThat(client.ask(Map.of("type", "ping", "uid", "p"))).isEqualTo(Map.of("type", "pong", "uid", "p"));
	}

}
