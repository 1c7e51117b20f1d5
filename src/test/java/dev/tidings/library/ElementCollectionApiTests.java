package dev.tidings.library;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;

import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book's element collection of keywords is the field {@code keywords}: a JSON array
 * read and written whole, pushed when only the values change, and refused in filters and
 * sorts with the field named.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-element-collection;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake" })
class ElementCollectionApiTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void admin() {
		this.api = new ApiClient(this.port).asAdmin();
		for (Map<String, Object> book : this.api.get("/items/books?fields=id&limit=-1").items()) {
			this.api.delete("/items/books/" + book.get("id"));
		}
	}

	@Test
	void readWhenKeywordsWrittenThenTheyAreAnArrayInAllFieldsAndByName() {
		Map<String, Object> created = this.api
			.post("/items/books", json(Map.of("title", "Dune", "keywords", List.of("desert", "spice"))))
			.item();
		assertThat(created).containsEntry("keywords", List.of("desert", "spice"));
		assertThat(this.api.get("/items/books/" + created.get("id") + "?fields=keywords").item())
			.isEqualTo(Map.of("keywords", List.of("desert", "spice")));
		Map<String, Object> bare = this.api.post("/items/books", json(Map.of("title", "Emma"))).item();
		assertThat(this.api.get("/items/books/" + bare.get("id")).item()).containsEntry("keywords", List.of());
	}

	@Test
	void writeWhenArrayThenItReplacesTheValues() {
		Map<String, Object> created = this.api
			.post("/items/books", json(Map.of("title", "Dune", "keywords", List.of("desert", "spice"))))
			.item();
		this.api.patch("/items/books/" + created.get("id"), json(Map.of("keywords", List.of("sand", 42))));
		assertThat(this.api.get("/items/books/" + created.get("id") + "?fields=keywords").item())
			.isEqualTo(Map.of("keywords", List.of("sand", "42")));
		this.api.patch("/items/books/" + created.get("id"), json(Map.of("keywords", List.of())));
		assertThat(this.api.get("/items/books/" + created.get("id") + "?fields=keywords").item())
			.isEqualTo(Map.of("keywords", List.of()));
	}

	@Test
	void writeWhenNotAnArrayOfValuesThenBadRequestNamesTheField() {
		Map<String, Object> created = this.api.post("/items/books", json(Map.of("title", "Dune"))).item();
		assertThat(this.api.patch("/items/books/" + created.get("id"), json(Map.of("keywords", "spice")))
			.reason(400, "INVALID_PAYLOAD")).contains("\"keywords\"");
		assertThat(this.api.patch("/items/books/" + created.get("id"), json(Map.of("keywords", List.of(Map.of()))))
			.reason(400, "INVALID_PAYLOAD")).contains("\"keywords\"");
	}

	@Test
	void filterOrSortWhenOnKeywordsThenInvalidQueryNamesTheField() {
		String filter = encode(json(Map.of("keywords", Map.of("_null", true))));
		assertThat(this.api.get("/items/books?filter=" + filter).reason(400, "INVALID_QUERY")).contains("\"keywords\"");
		assertThat(this.api.get("/items/books?sort=keywords").reason(400, "INVALID_QUERY")).contains("\"keywords\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void subscriptionWhenOnlyKeywordsChangeThenUpdateCarriesThem() {
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + this.api.bearer())) {
			Map<String, Object> init = socket.ask(Map.of("type", "subscribe", "collection", "books", "uid", "words",
					"query", Map.of("fields", List.of("title", "keywords"))));
			assertThat(init).containsEntry("event", "init");
			Map<String, Object> created = this.api
				.post("/items/books", json(Map.of("title", "Dune", "keywords", List.of("desert"))))
				.item();
			Map<String, Object> create = socket.next();
			assertThat(create).containsEntry("event", "create");
			assertThat((List<Map<String, Object>>) create.get("data"))
				.containsExactly(Map.of("title", "Dune", "keywords", List.of("desert")));
			this.api.patch("/items/books/" + created.get("id"), json(Map.of("keywords", List.of("spice", "worm"))));
			Map<String, Object> update = socket.next();
			assertThat(update).containsEntry("event", "update");
			assertThat((List<Map<String, Object>>) update.get("data"))
				.containsExactly(Map.of("title", "Dune", "keywords", List.of("spice", "worm")));
		}
	}

}
