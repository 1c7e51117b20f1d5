package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code search} over collections whose text-like fields take no text operator: an enum
 * stored by ordinal and a large object are left out of the search, not sent to the
 * database as text.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-search;DB_CLOSE_DELAY=-1" })
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
	void searchWhenCollectionHasLargeTextThenItIsNotSearched() {
		ApiClient admin = new ApiClient(this.port).asAdmin();

		assertThat(admin.get("/items/author_profiles?search=anything").items()).isEmpty();
	}

}
