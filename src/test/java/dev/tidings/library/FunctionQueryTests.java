package dev.tidings.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
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
 * Function fields in {@code filter}, {@code sort} and {@code groupBy}, as a client sends
 * them over REST and WebSocket: date parts of a field or of a related one, the size of a
 * to-many relation or of a list of values. A count counts only what the caller may read,
 * and a masked field's date part neither matches nor groups apart.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-function-queries;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionQueryTests {

	private static final String AUTHORS = "/items/authors?filter[name][_starts_with]=fq&fields=name";

	private static final String BOOKS = "/items/books?filter[title][_starts_with]=fq&fields=title";

	@LocalServerPort
	int port;

	private ApiClient admin;

	@BeforeAll
	void fill() {
		this.admin = new ApiClient(this.port).asAdmin();
		Object open = RelationsFixture.create(this.admin, "authors", Map.of("name", "fq Open", "born", "1892-01-03"));
		Object closed = RelationsFixture.create(this.admin, "authors",
				Map.of("name", "fq Closed", "born", "1775-12-16"));
		RelationsFixture.create(this.admin, "authors", Map.of("name", "fq Nobody", "born", "1892-07-30"));
		Object fantasy = RelationsFixture.create(this.admin, "genres", Map.of("name", "fq Fantasy"));
		Object poetry = RelationsFixture.create(this.admin, "genres", Map.of("name", "fq Poetry"));
		RelationsFixture.create(this.admin, "books", Map.of("title", "fq Hobbit", "author", open, "genres",
				List.of(fantasy, poetry), "keywords", List.of("dragon", "ring", "hole")));
		RelationsFixture.create(this.admin, "books", Map.of("title", "fq hidden Notes", "author", open));
		RelationsFixture.create(this.admin, "books",
				Map.of("title", "fq Emma", "author", closed, "keywords", List.of("match")));
	}

	@Test
	void readWhenFilterOnFunctionsThenOnlyMatchingItems() {
		assertThat(names(AUTHORS + "&filter[year(born)][_eq]=1892&sort=name")).containsExactly("fq Nobody", "fq Open");
		assertThat(names(AUTHORS + "&filter[month(born)][_in]=1,12&filter[weekday(born)][_eq]=6&sort=name"))
			.containsExactly("fq Closed");
		assertThat(names(AUTHORS + "&filter[count(books)][_gte]=2")).containsExactly("fq Open");
		assertThat(names(AUTHORS + "&filter[count(books)][_eq]=0")).containsExactly("fq Nobody");
		// any number compares, as in Directus: no whole number equals 1.5
		assertThat(names(AUTHORS + "&filter[weekday(born)][_gt]=5.5&sort=name")).containsExactly("fq Closed",
				"fq Nobody");
		assertThat(names(AUTHORS + "&filter[count(books)][_lt]=1.5&sort=name")).containsExactly("fq Closed",
				"fq Nobody");
		assertThat(names(AUTHORS + "&filter[count(books)][_eq]=1.5")).isEmpty();
		// through a to-many relation: some book has two genres
		assertThat(names(AUTHORS + "&filter[books][count(genres)][_eq]=2")).containsExactly("fq Open");
		assertThat(titles(BOOKS + "&filter[count(keywords)][_between]=1,3&sort=title")).containsExactly("fq Emma",
				"fq Hobbit");
		assertThat(titles(BOOKS + "&filter[author][year(born)][_lt]=1800")).containsExactly("fq Emma");
	}

	@Test
	void readWhenSortByFunctionsThenOrderedByTheirValues() {
		assertThat(names(AUTHORS + "&sort=-count(books),name")).containsExactly("fq Open", "fq Closed", "fq Nobody");
		assertThat(names(AUTHORS + "&sort=month(born)")).containsExactly("fq Open", "fq Nobody", "fq Closed");
		assertThat(titles(BOOKS + "&sort=-author.year(born),-count(keywords)")).containsExactly("fq Hobbit",
				"fq hidden Notes", "fq Emma");
	}

	@Test
	void aggregateWhenGroupedByFunctionThenKeyedAsDirectus() {
		assertThat(get(this.admin,
				"/items/authors?filter[name][_starts_with]=fq&aggregate[count]=*"
						+ "&groupBy=year(born)&sort=-year(born)")
			.items()).containsExactly(Map.of("born_year", 1892, "count", 2), Map.of("born_year", 1775, "count", 1));
		assertThat(get(this.admin,
				"/items/books?filter[title][_starts_with]=fq&aggregate[count]=*&groupBy=author.year(born),count(keywords)")
			.items()).containsExactly(Map.of("author.born_year", 1775, "keywords_count", 1, "count", 1),
					Map.of("author.born_year", 1892, "keywords_count", 0, "count", 1),
					Map.of("author.born_year", 1892, "keywords_count", 3, "count", 1));
	}

	@Test
	void readWhenCallerRestrictedThenCountsReadableItemsAndMaskedDatesNeverMatch() {
		ApiClient reader = LibraryGrants.reader(this.admin, this.port, "fq reader",
				List.of(read("authors", List.of("id", "name", "books"), null),
						read("books", List.of("*"), Map.of("title", Map.of("_ncontains", "hidden")))),
				List.of(read("authors", List.of("*"), Map.of("name", Map.of("_eq", "fq Open")))));

		assertThat(names(reader, AUTHORS + "&filter[count(books)][_eq]=1&sort=name")).containsExactly("fq Closed",
				"fq Open");
		assertThat(names(reader, AUTHORS + "&filter[year(born)][_nnull]=true")).containsExactly("fq Open");
		Map<String, Object> masked = new LinkedHashMap<>();
		masked.put("born_year", null);
		masked.put("count", 2);
		assertThat(get(reader, "/items/authors?filter[name][_starts_with]=fq&aggregate[count]=*&groupBy=year(born)")
			.items()).containsExactly(Map.of("born_year", 1892, "count", 1), masked);
	}

	@Test
	void subscribeWhenFilterOnFunctionThenPushesOnlyMatchingChanges() {
		Map<String, Object> query = Map.of("fields", List.of("name", "born"), "filter",
				Map.of("name", Map.of("_starts_with", "live"), "year(born)", Map.of("_eq", 1965)));
		try (SocketClient socket = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			Map<String, Object> read = socket.ask(Map.of("type", "items", "collection", "authors", "action", "read",
					"query", Map.of("fields", List.of("name"), "filter", Map.of("year(born)", Map.of("_eq", 1775))),
					"uid", "r"));
			assertThat(read.get("data")).isEqualTo(List.of(Map.of("name", "fq Closed")));
			assertThat(socket.ask(Map.of("type", "subscribe", "collection", "authors", "uid", "s", "query", query)))
				.containsEntry("event", "init");

			RelationsFixture.create(this.admin, "authors", Map.of("name", "live Other", "born", "1966-07-31"));
			RelationsFixture.create(this.admin, "authors", Map.of("name", "live Match", "born", "1965-07-31"));

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "create");
			assertThat(push.get("data")).isEqualTo(List.of(Map.of("name", "live Match", "born", "1965-07-31")));
		}
	}

	private List<Object> names(String query) {
		return names(this.admin, query);
	}

	private static List<Object> names(ApiClient client, String query) {
		return get(client, query).items().stream().map((item) -> item.get("name")).toList();
	}

	private List<Object> titles(String query) {
		return get(this.admin, query).items().stream().map((item) -> item.get("title")).toList();
	}

}
