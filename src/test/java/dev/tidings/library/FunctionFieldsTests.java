package dev.tidings.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.library.LibraryGrants.get;
import static dev.tidings.library.LibraryGrants.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Function fields in {@code fields}: {@code year(born)} as {@code born_year},
 * {@code count(books)} as {@code books_count}, inside relations too; a function that does
 * not apply is refused, an unreadable argument is forbidden, a count counts only what the
 * caller may read, and a masked field's function is null.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-functions;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionFieldsTests {

	@LocalServerPort
	int port;

	private ApiClient admin;

	private Object open;

	private Object closed;

	@BeforeAll
	void fill() {
		this.admin = new ApiClient(this.port).asAdmin();
		this.open = RelationsFixture.create(this.admin, "authors", Map.of("name", "fn Open", "born", "1892-01-03"));
		this.closed = RelationsFixture.create(this.admin, "authors", Map.of("name", "fn Closed", "born", "1775-12-16"));
		Object fantasy = RelationsFixture.create(this.admin, "genres", Map.of("name", "fn Fantasy"));
		Object poetry = RelationsFixture.create(this.admin, "genres", Map.of("name", "fn Poetry"));
		RelationsFixture.create(this.admin, "books", Map.of("title", "fn Hobbit", "author", this.open, "genres",
				List.of(fantasy, poetry), "keywords", List.of("dragon", "ring", "hole")));
		RelationsFixture.create(this.admin, "books", Map.of("title", "fn hidden Notes", "author", this.open));
		RelationsFixture.create(this.admin, "books", Map.of("title", "fn Emma", "author", this.closed));
	}

	@Test
	void readWhenFunctionFieldsThenValuesUnderResultKeys() {
		assertThat(get(this.admin,
				"/items/authors?filter[name][_starts_with]=fn&sort=-name"
						+ "&fields=name,year(born),month(born),weekday(born),count(books)")
			.items()).containsExactly(
					Map.of("name", "fn Open", "born_year", 1892, "born_month", 1, "born_weekday", 0, "books_count", 2),
					Map.of("name", "fn Closed", "born_year", 1775, "born_month", 12, "born_weekday", 6, "books_count",
							1));
		assertThat(get(this.admin,
				"/items/books?filter[title][_eq]=fn Hobbit&fields=title,count(keywords),count(genres),author.year(born)")
			.items())
			.containsExactly(Map.of("title", "fn Hobbit", "keywords_count", 3, "genres_count", 2, "author",
					Map.of("born_year", 1892)));
		assertThat(get(this.admin, "/items/authors/" + this.closed + "?fields=books.title,books.count(genres)").item())
			.isEqualTo(Map.of("books", List.of(Map.of("title", "fn Emma", "genres_count", 0))));
	}

	@Test
	void readWhenFunctionDoesNotApplyThenInvalidQueryAndUnknownArgumentThenForbidden() {
		assertThat(get(this.admin, "/items/authors?fields=year(name)").reason(400, "INVALID_QUERY")).contains("year")
			.contains("name");
		assertThat(get(this.admin, "/items/authors?fields=count(born)").reason(400, "INVALID_QUERY")).contains("count")
			.contains("born");
		get(this.admin, "/items/authors?fields=year(nothing)").error(403, "FORBIDDEN");
	}

	@Test
	void readWhenCallerRestrictedThenCountsOnlyReadableAndMaskedFunctionIsNull() {
		ApiClient reader = LibraryGrants.reader(this.admin, this.port, "fn reader",
				List.of(read("authors", List.of("id", "name", "books"), null),
						read("books", List.of("*"), Map.of("title", Map.of("_ncontains", "hidden")))),
				List.of(read("authors", List.of("*"), Map.of("name", Map.of("_eq", "fn Open")))));

		Map<String, Object> closed = new LinkedHashMap<>();
		closed.put("name", "fn Closed");
		closed.put("born_year", null);
		closed.put("books_count", 1);
		assertThat(get(reader,
				"/items/authors?filter[name][_starts_with]=fn&sort=-name" + "&fields=name,year(born),count(books)")
			.items()).containsExactly(Map.of("name", "fn Open", "born_year", 1892, "books_count", 1), closed);
		ApiClient narrow = LibraryGrants.reader(this.admin, this.port, "fn narrow",
				List.of(read("authors", List.of("id", "name"), null)));
		get(narrow, "/items/authors?fields=year(born)").error(403, "FORBIDDEN");
	}

}
