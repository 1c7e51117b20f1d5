package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @Version} attribute is the provider's: clients never set it, but the version
 * they read, sent back with an update, refuses the update when someone else changed the
 * item since, instead of overwriting that change.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"tidings.websockets.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:library-optimistic-locking;DB_CLOSE_DELAY=-1" })
class OptimisticLockingTests {

	private final int port;

	private final ApiClient api;

	OptimisticLockingTests(@LocalServerPort int port) {
		this.port = port;
		this.api = new ApiClient(port).asAdmin();
	}

	@Test
	void createWhenVersionIsOmittedOrSentThenTheProviderSetsIt() {
		Map<String, Object> omitted = loan(Map.of());
		Map<String, Object> sent = loan(Map.of("version", 41));

		assertThat(omitted).containsEntry("version", 0);
		assertThat(sent).containsEntry("version", 0);
	}

	@Test
	void updateWhenSentVersionIsCurrentThenItMovesOn() {
		Object id = loan(Map.of()).get("id");

		Map<String, Object> updated = this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-24\",\"version\":0}")
			.item();

		assertThat(updated).containsEntry("due_on", "2026-12-24").containsEntry("version", 1);
	}

	@Test
	void updateWhenSentVersionIsStaleThenConflictAndTheOtherChangeStays() {
		Object id = loan(Map.of()).get("id");
		this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-20\",\"version\":0}").item();

		Map<String, Object> error = this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-24\",\"version\":0}")
			.error(409, "CONFLICT");

		assertThat(Reply.extensions(error)).containsEntry("collection", "loans").containsEntry("key", id);
		assertThat((String) error.get("message")).contains("loans").contains("version 0").contains("version 1");
		assertThat(this.api.get("/items/loans/" + id).item()).containsEntry("due_on", "2026-12-20")
			.containsEntry("version", 1);
	}

	@Test
	void updateWhenVersionIsOmittedThenTheLastWriteWins() {
		Object id = loan(Map.of()).get("id");
		this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-20\"}").item();

		assertThat(this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-24\"}").item())
			.containsEntry("due_on", "2026-12-24")
			.containsEntry("version", 2);
	}

	@Test
	void updateOverTheSocketWhenSentVersionIsStaleThenConflictAndTheSocketStaysOpen() {
		Object id = loan(Map.of()).get("id");
		this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-20\"}").item();
		try (SocketClient socket = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			Map<String, Object> reply = socket.ask(Map.of("type", "items", "collection", "loans", "action", "update",
					"id", id, "data", Map.of("due_on", "2026-12-24", "version", 0)));

			assertThat(reply).containsEntry("status", "error");
			assertThat(reply.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("code", "CONFLICT");
			assertThat(socket.ask(Map.of("type", "ping"))).containsEntry("type", "pong");
		}
	}

	private Map<String, Object> loan(Map<String, Object> extra) {
		Object book = this.api.post("/items/books", "{\"title\":\"Loaned\"}").item().get("id");
		Object member = this.api.post("/items/members", "{\"name\":\"Borrower\"}").item().get("id");
		Map<String, Object> payload = new java.util.LinkedHashMap<>(Map.of("book", book, "member", member));
		payload.putAll(extra);
		return this.api
			.post("/items/loans?fields=" + String.join(",", List.of("id", "due_on", "version")),
					ApiClient.json(payload))
			.item();
	}

}
