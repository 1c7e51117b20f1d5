package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.library.LibraryGrants.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backlink=false}: a {@code *.*} wildcard does not expand the relation leading
 * back to the parent a level was reached from, in either direction; explicit paths still
 * do.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-backlink;DB_CLOSE_DELAY=-1" })
class BacklinkTests {

	@LocalServerPort
	int port;

	@Test
	void readWhenBacklinkFalseThenWildcardKeepsTheWayBackAsKeys() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		RelationsFixture library = new RelationsFixture(admin, "back");

		Map<String, Object> followed = get(admin, "/items/books/" + library.emma + "?fields=*.*.*").item();
		Map<String, Object> cut = get(admin, "/items/books/" + library.emma + "?fields=*.*.*&backlink=false").item();

		assertThat((List<?>) author(followed).get("books")).singleElement()
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("id", library.emma)
			.containsEntry("title", "back Emma");
		assertThat(author(cut).get("books")).isEqualTo(List.of(library.emma));
		assertThat(author(cut).get("profile")).isInstanceOf(Map.class);
		Map<String, Object> genres = get(admin, "/items/genres/" + library.classics + "?fields=*.*.*&backlink=false")
			.item();
		assertThat(((Map<?, ?>) ((List<?>) genres.get("books")).get(0)).get("genres"))
			.isEqualTo(List.of(library.classics));
		assertThat(get(admin, "/items/books/" + library.emma + "?fields=author.books.title&backlink=false").item())
			.isEqualTo(Map.of("author", Map.of("books", List.of(Map.of("title", "back Emma")))));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> author(Map<String, Object> book) {
		return (Map<String, Object>) book.get("author");
	}

}
