package dev.tidings.library;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enum and converted values over a real socket: a subscription's filter on them selects
 * the pushes (the in-memory evaluator agrees with SQL), and pushes carry the same JSON a
 * read does.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-field-pushes;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake" })
class FieldTypesPushTests {

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void subscriptionWhenFilteredByEnumThenPushesOnlyMatchingBooksWithTheirNames() {
		ApiClient api = new ApiClient(this.port).asAdmin();
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + api.bearer())) {
			Map<String, Object> init = socket.ask(Map.of("type", "subscribe", "collection", "books", "uid", "ebooks",
					"query", Map.of("fields", List.of("title", "format", "language", "shelf"), "filter",
							Map.of("format", Map.of("_in", List.of("EBOOK"))))));
			assertThat(init).containsEntry("event", "init");
			api.post("/items/books", json(Map.of("title", "Paper", "format", "PAPERBACK")));
			api.post("/items/books",
					json(Map.of("title", "Electronic", "format", "EBOOK", "language", "pt-BR", "shelf", "E")));
			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "create");
			assertThat((List<Map<String, Object>>) push.get("data"))
				.containsExactly(Map.of("title", "Electronic", "format", "EBOOK", "language", "pt-BR", "shelf", "E"));
		}
	}

}
