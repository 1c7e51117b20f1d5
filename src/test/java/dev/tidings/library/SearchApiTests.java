package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code search} as Directus runs it: a number written as JavaScript prints it also finds
 * the number fields and many-to-one keys equal to it, over REST and in a subscription's
 * pushes; fields whose text-like values take no text operator (an enum stored by ordinal,
 * a large object) are left out, not sent to the database as text.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-search;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class SearchApiTests {

	@LocalServerPort
	int port;

	@Test
	void searchWhenCollectionHasOrdinalEnumThenTextFieldsOnly() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		Object hobbit = RelationsFixture.create(admin, "books",
				Map.of("title", "Searchable Hobbit", "format", "PAPERBACK"));
		RelationsFixture.create(admin, "books", Map.of("title", "Other", "format", "HARDCOVER"));

		List<Map<String, Object>> found = admin.get("/items/books?fields=id&search=searchable").items();
		List<Map<String, Object>> byFormat = admin.get("/items/books?fields=id&search=PAPERBACK").items();

		assertThat(found).containsExactly(Map.of("id", hobbit));
		assertThat(byFormat).isEmpty();
	}

	@Test
	void searchWhenNumberThenNumberFieldsAndManyToOneKeysEqualIt() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		Object author = RelationsFixture.create(admin, "authors", Map.of("name", "Search Author"));
		Object thick = RelationsFixture.create(admin, "books", Map.of("title", "Thick", "pages", 4242));
		Object written = RelationsFixture.create(admin, "books", Map.of("title", "Written", "author", author));

		assertThat(admin.get("/items/books?fields=id&search=4242").items()).containsExactly(Map.of("id", thick));
		assertThat(admin.get("/items/books?fields=id&search=4242.0").items()).isEmpty();
		assertThat(admin.get("/items/books?fields=id&search=04242").items()).isEmpty();
		assertThat(
				LibraryGrants.get(admin, "/items/books?fields=id&filter[title][_eq]=Written&search=" + author).items())
			.containsExactly(Map.of("id", written));
	}

	@Test
	void subscribeWhenSearchIsANumberThenPushesRowsEqualToIt() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		try (SocketClient socket = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			Map<String, Object> query = Map.of("fields", List.of("title", "pages"), "search", "7373");
			assertThat(socket.ask(Map.of("type", "subscribe", "collection", "books", "uid", "s", "query", query)))
				.containsEntry("event", "init");

			RelationsFixture.create(admin, "books", Map.of("title", "Near miss", "pages", 7374));
			RelationsFixture.create(admin, "books", Map.of("title", "Exact", "pages", 7373));

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "create");
			assertThat(push.get("data")).isEqualTo(List.of(Map.of("title", "Exact", "pages", 7373)));
		}
	}

	@Test
	void searchWhenCollectionHasLargeTextThenItIsNotSearched() {
		ApiClient admin = new ApiClient(this.port).asAdmin();

		assertThat(admin.get("/items/author_profiles?search=anything").items()).isEmpty();
	}

}
