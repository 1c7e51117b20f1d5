package dev.tidings.realtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.events.Cursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.realtime.HandshakeModeTests.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribe, unsubscribe and items over a served socket, and every kind of bad input:
 * each is answered with the error envelope, writes nothing and harms no other socket.
 * Shares its server with {@link HandshakeModeTests} (same configuration).
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-handshake;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake",
				"tidings.websockets.auth-timeout=2s" })
class MessagesTests {

	private final int port;

	private final JdbcTemplate jdbc;

	MessagesTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	@AfterEach
	void removeCreatedRows() {
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
	}

	private SocketClient as(String email, String password) {
		return SocketClient.open(this.port, "?access_token=" + SocketClient.token(this.port, email, password));
	}

	private SocketClient admin() {
		return as("admin@example.com", "admin-password-123");
	}

	@Test
	void subscribeToCollectionThenInitArrayWithUidAsString() {
		try (SocketClient client = admin()) {
			Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", 1,
					"query", Map.of("fields", List.of("id", "title"), "sort", List.of("id"), "limit", 2)));
			assertThat(init).containsEntry("type", "subscription")
				.containsEntry("event", "init")
				.containsEntry("uid", "1")
				.doesNotContainKey("meta");
			assertThat(data(init)).hasSize(2).allSatisfy((row) -> assertThat(row).containsOnlyKeys("id", "title"));
			assertThat(data(init).get(0)).containsEntry("id", 1);
		}
	}

	@Test
	void subscribeWithSdkStringEncodedQueryAndMetaThenFilteredInitWithMeta() {
		try (SocketClient client = admin()) {
			Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "s",
					"query", Map.of("fields", "id,status", "filter", "{\"status\":{\"_eq\":\"published\"}}", "limit",
							"-1", "meta", "total_count,filter_count")));
			assertThat(data(init)).hasSize(12)
				.allSatisfy((row) -> assertThat(row).containsEntry("status", "published"));
			assertThat(init.get("meta")).isEqualTo(Map.of("total_count", 20, "filter_count", 12));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void subscribeToItemThenInitObject() {
		try (SocketClient client = admin()) {
			Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "articles", "item", 3,
					"query", Map.of("fields", "id,title"), "uid", "item"));
			assertThat(init.get("data")).isInstanceOf(Map.class);
			assertThat((Map<String, Object>) init.get("data")).containsEntry("id", 3).containsOnlyKeys("id", "title");
		}
	}

	@Test
	void subscribeToEventThenInitWithoutData() {
		try (SocketClient client = admin()) {
			Map<String, Object> init = client
				.ask(Map.of("type", "subscribe", "collection", "articles", "event", "create"));
			assertThat(init).containsOnlyKeys("type", "event", "cursor")
				.containsEntry("type", "subscription")
				.containsEntry("event", "init");
			assertThat(Cursor.parse((String) init.get("cursor"))).isNotNull();
		}
	}

	@Test
	void readerSubscribingToItemItMayNotSeeThenForbiddenAndNoSubscription() {
		Integer draft = this.jdbc.queryForObject("SELECT MIN(id) FROM articles WHERE status = 'draft'", Integer.class);
		try (SocketClient client = as("reader@example.com", "reader-password-123")) {
			Map<String, Object> reply = client
				.ask(Map.of("type", "subscribe", "collection", "articles", "item", draft, "uid", "d"));
			assertThat(reply).containsEntry("type", "subscribe").containsEntry("status", "error");
			assertThat(error(reply)).containsEntry("code", "FORBIDDEN");
		}
	}

	@Test
	void readerSubscribingToEventsOfUsersThenForbiddenAtSubscribeTime() {
		try (SocketClient client = as("reader@example.com", "reader-password-123")) {
			Map<String, Object> reply = client
				.ask(Map.of("type", "subscribe", "collection", "directus_users", "event", "delete", "uid", "u"));
			assertThat(reply).containsEntry("status", "error").containsEntry("uid", "u");
			assertThat(error(reply)).containsEntry("code", "FORBIDDEN");
		}
	}

	@Test
	void adminMaySubscribeToSystemCollections() {
		try (SocketClient client = admin()) {
			Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "directus_users", "query",
					Map.of("fields", "id,email"), "uid", "users"));
			assertThat(data(init)).extracting((row) -> row.get("email")).contains("admin@example.com");
		}
	}

	@Test
	void unsubscribeOneOrAllThenAcknowledgedWithUidAsSent() {
		try (SocketClient client = admin()) {
			client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", 5, "event", "update"));
			assertThat(client.ask(Map.of("type", "unsubscribe", "uid", 5)))
				.isEqualTo(Map.of("type", "subscription", "event", "unsubscribe", "uid", 5));
			assertThat(client.ask(Map.of("type", "unsubscribe", "uid", "never")))
				.isEqualTo(Map.of("type", "subscription", "event", "unsubscribe", "uid", "never"));
			assertThat(client.ask(Map.of("type", "unsubscribe")))
				.isEqualTo(Map.of("type", "subscription", "event", "unsubscribe"));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void itemsCrudOverTheSocketAsAdmin() {
		try (SocketClient client = admin()) {
			Map<String, Object> created = client
				.ask(Map.of("type", "items", "collection", "articles", "action", "create", "data",
						Map.of("title", "Over the socket"), "query", Map.of("fields", "id,title"), "uid", 1));
			assertThat(created).containsEntry("type", "items").containsEntry("uid", 1);
			Map<String, Object> item = (Map<String, Object>) created.get("data");
			assertThat(item).containsEntry("title", "Over the socket").containsOnlyKeys("id", "title");
			Object id = item.get("id");

			Map<String, Object> many = client.ask(Map.of("type", "items", "collection", "articles", "action", "create",
					"data", List.of(Map.of("title", "A"), Map.of("title", "B"))));
			assertThat(data(many)).hasSize(2);

			Map<String, Object> read = client
				.ask(Map.of("type", "items", "collection", "articles", "action", "read", "query",
						Map.of("filter", Map.of("title", Map.of("_in", List.of("A", "B"))), "meta", "filter_count")));
			assertThat(data(read)).hasSize(2);
			assertThat(read.get("meta")).isEqualTo(Map.of("filter_count", 2));

			Map<String, Object> updated = client.ask(Map.of("type", "items", "collection", "articles", "action",
					"update", "id", id, "data", Map.of("title", "Renamed"), "query", Map.of("fields", "title")));
			assertThat(updated.get("data")).isEqualTo(Map.of("title", "Renamed"));

			assertThat(client.ask(Map.of("type", "items", "collection", "articles", "action", "delete", "id", id)))
				.isEqualTo(Map.of("type", "items", "data", id));
			Map<String, Object> byQuery = client.ask(Map.of("type", "items", "collection", "articles", "action",
					"delete", "query", Map.of("filter", Map.of("title", Map.of("_in", List.of("A", "B"))))));
			assertThat((List<?>) byQuery.get("data")).hasSize(2);
			assertThat(count()).isEqualTo(20);
		}
	}

	@Test
	void itemsForbiddenCasesWriteNothing() {
		try (SocketClient reader = as("reader@example.com", "reader-password-123");
				SocketClient editor = as("editor@example.com", "editor-password-123")) {
			Map<String, Object> create = reader.ask(Map.of("type", "items", "collection", "articles", "action",
					"create", "data", Map.of("title", "Nope"), "uid", "c"));
			assertThat(create).containsEntry("type", "items")
				.containsEntry("status", "error")
				.containsEntry("uid", "c");
			assertThat(error(create)).containsEntry("code", "FORBIDDEN");

			Map<String, Object> delete = editor
				.ask(Map.of("type", "items", "collection", "articles", "action", "delete", "id", 1));
			assertThat(error(delete)).containsEntry("code", "FORBIDDEN");

			Map<String, Object> system = editor
				.ask(Map.of("type", "items", "collection", "directus_users", "action", "read"));
			assertThat(error(system)).isEqualTo(Map.of("code", "INVALID_COLLECTION", "message",
					"Cannot trigger an action on a system collection."));
			assertThat(count()).isEqualTo(20);
		}
	}

	@Test
	void badInputIsAnsweredWritesNothingAndHarmsNoOtherSocket() {
		try (SocketClient client = admin(); SocketClient other = admin()) {
			assertThat(client.ask("not json")).isEqualTo(Map.of("type", "server", "status", "error", "error",
					Map.of("code", "INVALID_PAYLOAD", "message", "Unable to parse the incoming message.")));
			assertThat(client.ask("[1,2]")).containsEntry("type", "server").containsEntry("status", "error");
			assertThat(client.ask(Map.of("uid", "no-type"))).containsEntry("type", "server");
			assertThat(client.ask(Map.of("type", 5))).containsEntry("type", "server");
			// unknown types are ignored, as Directus does: the next answer is the pong
			client.send(Map.of("type", "collab", "action", "join"));
			assertThat(client.ask(Map.of("type", "ping", "uid", "p"))).isEqualTo(Map.of("type", "pong", "uid", "p"));

			assertThat(error(client.ask(Map.of("type", "subscribe", "uid", "m")))).containsEntry("code",
					"INVALID_PAYLOAD");
			Map<String, Object> wrongType = client.ask(Map.of("type", "items", "collection", 5, "action", "create",
					"data", Map.of("title", "x"), "uid", "w"));
			assertThat(wrongType).containsEntry("type", "items").containsEntry("uid", "w");
			assertThat(error(wrongType)).containsEntry("code", "INVALID_PAYLOAD");
			assertThat(error(client.ask(Map.of("type", "ping", "uid", Map.of("x", 1))))).containsEntry("code",
					"INVALID_PAYLOAD");
			assertThat(error(client.ask(Map.of("type", "subscribe", "collection", "nope")))).containsEntry("code",
					"FORBIDDEN");
			assertThat(error(client.ask(Map.of("type", "subscribe", "collection", "articles", "event", "sometimes"))))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertThat(error(client
				.ask(Map.of("type", "subscribe", "collection", "articles", "query", Map.of("filter", "{not json")))))
				.containsEntry("code", "INVALID_QUERY");
			assertThat(error(client.ask(Map.of("type", "items", "collection", "articles", "action", "read", "query",
					Map.of("filter", Map.of("title", Map.of("_bogus", 1)))))))
				.containsEntry("code", "INVALID_QUERY");
			assertThat(error(
					client.ask(Map.of("type", "items", "collection", "articles", "action", "create", "data", "text"))))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertThat(error(client.ask(Map.of("type", "items", "collection", "articles", "action", "delete"))))
				.containsEntry("code", "INVALID_PAYLOAD");
			assertThat(error(client.ask(Map.of("type", "items", "collection", "articles", "action", "explode"))))
				.containsEntry("code", "INVALID_PAYLOAD");

			assertThat(other.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
			assertThat(count()).isEqualTo(20);
		}
	}

	@Test
	void oversizedMessageClosesWith1009AndOtherSocketsStay() {
		try (SocketClient client = admin(); SocketClient other = admin()) {
			String huge = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
			client.sendText(huge);
			assertThat(client.closeCode()).isEqualTo(1009);
			assertThat(other.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
	}

	@Test
	void largeMessageUnderTheLimitIsAccepted() {
		try (SocketClient client = admin()) {
			String large = "{\"type\":\"ping\",\"uid\":\"big\",\"pad\":\"" + "x".repeat(200_000) + "\"}";
			assertThat(client.ask(large)).isEqualTo(Map.of("type", "pong", "uid", "big"));
		}
	}

	@Test
	void burstOfAThousandMessagesIsRateLimitedAndTheSocketStaysUsable() {
		try (SocketClient client = admin()) {
			for (int i = 0; i < 1000; i++) {
				client.sendText("{\"type\":\"ping\",\"uid\":" + i + "}");
			}
			List<Map<String, Object>> replies = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				replies.add(client.next());
			}
			assertThat(replies).filteredOn((reply) -> "pong".equals(reply.get("type"))).hasSizeBetween(50, 999);
			assertThat(replies).filteredOn((reply) -> "server".equals(reply.get("type")))
				.isNotEmpty()
				.allSatisfy((reply) -> assertThat(error(reply)).containsEntry("code", "REQUESTS_EXCEEDED"));
			await().untilAsserted(() -> assertThat(client.ask(Map.of("type", "ping", "uid", "later")))
				.isEqualTo(Map.of("type", "pong", "uid", "later")));
		}
	}

	@Test
	void permessageDeflateIsRefused() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /websocket?access_token="
					+ SocketClient.token(this.port, "admin@example.com", "admin-password-123")
					+ " HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				head.append((char) b);
			}
			assertThat(head.toString()).startsWith("HTTP/1.1 101");
			assertThat(head.toString().toLowerCase()).doesNotContain("sec-websocket-extensions");
		}
	}

	private int count() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Integer.class);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> error(Map<String, Object> reply) {
		assertThat(reply).containsEntry("status", "error");
		return (Map<String, Object>) reply.get("error");
	}

}
