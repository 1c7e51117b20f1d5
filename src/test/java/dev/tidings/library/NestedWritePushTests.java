package dev.tidings.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every collection a nested write touches gets its pushes, over a real socket, once and
 * only after commit: a write that fails in a nested item pushes nothing, which a later
 * marker arriving first proves.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-nested-push;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class NestedWritePushTests {

	@LocalServerPort
	int port;

	@Test
	void createWhenItemNestsNewRelatedItemsThenEachCollectionGetsItsCreateOnce() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		try (SocketClient books = subscribed("books", "title");
				SocketClient authors = subscribed("authors", "name");
				SocketClient genres = subscribed("genres", "name")) {
			Object book = admin
				.post("/items/books", json(Map.of("title", "push Book", "author", Map.of("name", "push Author"),
						"genres", List.of(Map.of("name", "push Genre")))))
				.item()
				.get("id");

			assertThat(authors.next()).containsEntry("event", "create")
				.extractingByKey("data")
				.satisfies((data) -> assertThat(names(data, "name")).containsExactly("push Author"));
			assertThat(genres.next()).containsEntry("event", "create")
				.extractingByKey("data")
				.satisfies((data) -> assertThat(names(data, "name")).containsExactly("push Genre"));
			assertThat(books.next()).containsEntry("event", "create").containsEntry("keys", List.of(book));

			// the genre's name is taken: the whole write rolls back and pushes nothing
			admin
				.post("/items/books", json(Map.of("title", "push Doomed", "author",
						Map.of("name", "push Doomed Author"), "genres", List.of(Map.of("name", "push Genre")))))
				.error(400, "RECORD_NOT_UNIQUE");
			admin.post("/items/authors", json(Map.of("name", "push Marker"))).item();
			admin.post("/items/books", json(Map.of("title", "push Marker"))).item();

			assertThat(names(authors.next().get("data"), "name")).containsExactly("push Marker");
			assertThat(names(books.next().get("data"), "title")).containsExactly("push Marker");
		}
	}

	@Test
	void updateOverTheSocketWhenDetailedFormThenMembersGetCreateUpdateAndDeletePushes() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		Map<String, Object> list = admin.post("/items/reading_lists?fields=id,entries", json(Map.of("name", "push List",
				"entries", List.of(Map.of("title", "push kept"), Map.of("title", "push dropped")))))
			.item();
		List<?> entries = (List<?>) list.get("entries");
		try (SocketClient watcher = subscribed("list_entries", "title"); SocketClient writer = admin()) {
			Map<String, Object> reply = writer
				.ask(Map.of("type", "items", "collection", "reading_lists", "action", "update", "id", list.get("id"),
						"uid", "w", "query", Map.of("fields", List.of("entries.title")), "data",
						Map.of("entries",
								Map.of("create", List.of(Map.of("title", "push added")), "update",
										List.of(Map.of("id", entries.get(0), "title", "push renamed")), "delete",
										List.of(entries.get(1))))));
			assertThat(reply).containsEntry("type", "items");
			assertThat(names(((Map<?, ?>) reply.get("data")).get("entries"), "title"))
				.containsExactlyInAnyOrder("push renamed", "push added");

			Map<Object, Object> events = new HashMap<>();
			for (int i = 0; i < 3; i++) {
				Map<String, Object> push = watcher.next();
				assertThat(events.put(push.get("event"), push)).as("one %s push", push.get("event")).isNull();
			}
			assertThat(names(((Map<?, ?>) events.get("create")).get("data"), "title")).containsExactly("push added");
			assertThat(names(((Map<?, ?>) events.get("update")).get("data"), "title")).containsExactly("push renamed");
			assertThat(((Map<?, ?>) events.get("delete")).get("data")).isEqualTo(List.of(entries.get(1)));

			admin.patch("/items/list_entries/" + entries.get(0), json(Map.of("title", "push marker"))).item();
			assertThat(names(watcher.next().get("data"), "title")).containsExactly("push marker");
		}
	}

	private static List<Object> names(Object data, String field) {
		List<Object> names = new ArrayList<>();
		for (Object row : (List<?>) data) {
			names.add(((Map<?, ?>) row).get(field));
		}
		return names;
	}

	private SocketClient admin() {
		return SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD));
	}

	private SocketClient subscribed(String collection, String field) {
		SocketClient client = admin();
		Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", collection, "uid", collection,
				"query", Map.of("fields", List.of("id", field), "limit", 1)));
		assertThat(init).containsEntry("event", "init");
		return client;
	}

}
