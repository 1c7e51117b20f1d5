package dev.tidings.library;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related items written inside the item's own write, as Directus takes them: a to-one
 * given an object is created or updated and linked; a to-many given keys or objects has
 * exactly those members, or, in the detailed form, changes only what it names; nesting
 * recurses; and one failing item anywhere writes nothing. Checked in the database.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-nested-writes;DB_CLOSE_DELAY=-1" })
class NestedWriteTests {

	private final ApiClient admin;

	private final JdbcTemplate jdbc;

	NestedWriteTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.admin = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@Test
	void createWhenManyToOneIsAnObjectThenRelatedItemCreatedOrUpdatedAndLinked() {
		RelationsFixture library = new RelationsFixture(this.admin, "m2o");

		Map<String, Object> created = this.admin
			.post("/items/books?fields=title,author.name",
					json(Map.of("title", "m2o Silmarillion", "author", Map.of("name", "m2o Christopher"))))
			.item();
		Map<String, Object> updated = this.admin.post("/items/books?fields=author.id,author.name", json(Map.of("title",
				"m2o Unfinished Tales", "author", Map.of("id", library.tolkien, "name", "m2o J.R.R. Tolkien"))))
			.item();
		Map<String, Object> keyOnly = this.admin
			.patch("/items/books/" + library.emma + "?fields=author",
					json(Map.of("author", Map.of("id", library.tolkien))))
			.item();

		assertThat(created).isEqualTo(Map.of("title", "m2o Silmarillion", "author", Map.of("name", "m2o Christopher")));
		assertThat(count("authors", "name = 'm2o Christopher'")).isEqualTo(1);
		assertThat(updated).isEqualTo(Map.of("author", Map.of("id", library.tolkien, "name", "m2o J.R.R. Tolkien")));
		assertThat(keyOnly).isEqualTo(Map.of("author", library.tolkien));
		assertThat(this.admin.patch("/items/books/" + library.emma + "?fields=author", "{\"author\":null}").item())
			.isEqualTo(Collections.singletonMap("author", null));
	}

	@Test
	void updateWhenOneToManyIsAListThenExactlyThoseMembersAndDroppedNullableOnesUnlinked() {
		RelationsFixture library = new RelationsFixture(this.admin, "o2m");

		Map<String, Object> author = this.admin.patch("/items/authors/" + library.tolkien + "?fields=books.title",
				json(Map.of("books", List.of(library.hobbit, Map.of("id", library.lays, "title", "o2m Lays"),
						Map.of("title", "o2m Roverandom"), library.emma))))
			.item();

		assertThat(author.get("books")).isEqualTo(List.of(Map.of("title", "o2m The Hobbit"),
				Map.of("title", "o2m Lays"), Map.of("title", "o2m Emma"), Map.of("title", "o2m Roverandom")));
		this.admin.patch("/items/authors/" + library.tolkien, json(Map.of("books", List.of(library.emma)))).item();
		assertThat(count("books", "title like 'o2m %' and author is null")).isEqualTo(3);
		assertThat(count("books", "title like 'o2m %'")).isEqualTo(4);
	}

	@Test
	void updateWhenDetailedFormThenOnlyTheNamedMembersChange() {
		RelationsFixture library = new RelationsFixture(this.admin, "detail");

		Map<String, Object> author = this.admin.patch("/items/authors/" + library.tolkien + "?fields=books.title",
				json(Map.of("books",
						Map.of("create", List.of(Map.of("title", "detail Roverandom")), "update",
								List.of(Map.of("id", library.hobbit, "title", "detail Hobbit")), "delete",
								List.of(library.lays, library.emma)))))
			.item();

		assertThat(author.get("books"))
			.isEqualTo(List.of(Map.of("title", "detail Hobbit"), Map.of("title", "detail Roverandom")));
		// a key that is not a member is left alone
		assertThat(count("books", "title = 'detail Emma' and author is not null")).isEqualTo(1);
		assertThat(count("books", "title = 'detail Lays of Beleriand' and author is null")).isEqualTo(1);
	}

	@Test
	void updateWhenMembersKeyMayNotBeNullOrOrphansAreRemovedThenDroppedMembersAreDeleted() {
		Map<String, Object> list = this.admin.post("/items/reading_lists?fields=id,entries.id,entries.title,notes.text",
				json(Map.of("name", "Summer", "entries", List.of(Map.of("title", "first"), Map.of("title", "second")),
						"notes", List.of(Map.of("text", "bring a hat")))))
			.item();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> entries = (List<Map<String, Object>>) list.get("entries");
		assertThat(entries).extracting((entry) -> entry.get("title")).containsExactly("first", "second");
		assertThat(list.get("notes")).isEqualTo(List.of(Map.of("text", "bring a hat")));

		this.admin
			.patch("/items/reading_lists/" + list.get("id"),
					json(Map.of("entries", List.of(entries.get(0).get("id")), "notes", List.of())))
			.item();

		assertThat(count("list_entries", "title = 'second'")).isZero();
		assertThat(count("list_entries", "title = 'first'")).isEqualTo(1);
		assertThat(count("list_notes", "text = 'bring a hat'")).isZero();
	}

	@Test
	void createWhenNestedItemsNestMoreThenEveryLevelIsWritten() {
		Map<String, Object> list = this.admin
			.post("/items/reading_lists?fields=entries.book.author.name,entries.book.genres.name",
					json(Map.of("name", "Deep", "entries",
							List.of(Map.of("title", "deep entry", "book", Map.of("title", "deep Book", "author",
									Map.of("name", "deep Author"), "genres", List.of(Map.of("name", "deep Genre"))))))))
			.item();

		assertThat(list).isEqualTo(Map.of("entries", List.of(Map.of("book",
				Map.of("author", Map.of("name", "deep Author"), "genres", List.of(Map.of("name", "deep Genre")))))));
	}

	@Test
	void updateWhenManyToManyGetsObjectsOrDetailedFormThenMembersFollow() {
		RelationsFixture library = new RelationsFixture(this.admin, "m2m");

		Map<String, Object> book = this.admin
			.patch("/items/books/" + library.emma + "?fields=genres.name",
					json(Map.of("genres", List.of(library.classics, Map.of("name", "m2m Romance")))))
			.item();
		Map<String, Object> genre = this.admin
			.patch("/items/genres/" + library.poetry + "?fields=books.title",
					json(Map.of("books",
							Map.of("create", List.of(Map.of("title", "m2m Odes")), "delete", List.of(library.lays)))))
			.item();

		assertThat(book.get("genres"))
			.isEqualTo(List.of(Map.of("name", "m2m Classics"), Map.of("name", "m2m Romance")));
		assertThat(genre.get("books")).isEqualTo(List.of(Map.of("title", "m2m Odes")));
		assertThat(count("books", "title = 'm2m Lays of Beleriand'")).isEqualTo(1);
	}

	@Test
	void updateWhenInverseOneToOneIsAnObjectThenNewItemTakesThePlaceOfTheOld() {
		RelationsFixture library = new RelationsFixture(this.admin, "o2o");

		Map<String, Object> author = this.admin
			.patch("/items/authors/" + library.austen + "?fields=profile.website",
					json(Map.of("profile", Map.of("website", "o2o-new.example"))))
			.item();

		assertThat(author).isEqualTo(Map.of("profile", Map.of("website", "o2o-new.example")));
		assertThat(count("author_profiles", "website = 'o2o-austen.example' and author is null")).isEqualTo(1);
	}

	@Test
	void createWhenANestedItemFailsThenNothingIsWritten() {
		this.admin.post("/items/reading_lists",
				json(Map.of("name", "Doomed", "entries",
						List.of(Map.of("title", "fine", "book", Map.of("title", "doomed Book")),
								Collections.singletonMap("title", null)))))
			.error(400, "FAILED_VALIDATION");
		this.admin
			.post("/items/books",
					json(Map.of("title", "doomed Other", "author", Map.of("name", "doomed Author"), "genres",
							Map.of("create", List.of(Map.of("name", "doomed Genre")), "keep", List.of()))))
			.error(400, "INVALID_PAYLOAD");

		assertThat(count("reading_lists", "name = 'Doomed'")).isZero();
		assertThat(count("books", "title like 'doomed %'")).isZero();
		assertThat(count("authors", "name = 'doomed Author'")).isZero();
	}

	private int count(String table, String where) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class);
	}

}
