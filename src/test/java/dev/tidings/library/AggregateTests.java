package dev.tidings.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.library.LibraryGrants.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregates Directus offers beyond the plain ones ({@code countAll},
 * {@code sumDistinct}, {@code avgDistinct}, {@code min}/{@code max} of text and dates),
 * and grouped aggregates of a field the caller sees on some rows only, whose masked
 * expression must be grouped as it is selected.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-aggregates;DB_CLOSE_DELAY=-1" })
class AggregateTests {

	@LocalServerPort
	int port;

	private ApiClient admin;

	/** Each test's three books, told apart from the others' by their ISBN. */
	private String shelf;

	private final List<String> keys = new ArrayList<>();

	@BeforeEach
	void fill(TestInfo test) {
		this.admin = new ApiClient(this.port).asAdmin();
		this.shelf = "A" + Integer.toHexString(test.getDisplayName().hashCode());
		// code-point order puts "Zebra" before "apple"; a linguistic collation would not
		book("apple", 100, "2024-03-01T10:00:00Z", 1);
		book("Zebra", 100, "2023-07-15T08:30:00Z", 2);
		book("mango", 300, null, 3);
	}

	@Test
	void aggregateWhenCountAllThenRowsWhateverTheFields() {
		assertThat(books("aggregate[countAll]=*")).containsExactly(Map.of("countAll", 3));
		assertThat(books("aggregate[countAll]=title&filter[pages][_eq]=100")).containsExactly(Map.of("countAll", 2));
	}

	@Test
	void aggregateWhenDistinctSumAndAverageThenEachValueOnce() {
		Map<String, Object> row = books("aggregate[sumDistinct]=pages&aggregate[avgDistinct]=pages").get(0);

		assertThat(row.get("sumDistinct")).isEqualTo(Map.of("pages", 400));
		assertThat(((Number) ((Map<?, ?>) row.get("avgDistinct")).get("pages")).doubleValue()).isEqualTo(200.0);
	}

	@Test
	void aggregateWhenMinAndMaxOfTextAndInstantsThenCodePointAndTimeOrder() {
		Map<String, Object> row = books("aggregate[min]=title,acquired_at&aggregate[max]=title,acquired_at").get(0);

		assertThat(row.get("min")).isEqualTo(Map.of("title", "Zebra", "acquired_at", "2023-07-15T08:30:00.000Z"));
		assertThat(row.get("max")).isEqualTo(Map.of("title", "mango", "acquired_at", "2024-03-01T10:00:00.000Z"));
	}

	@Test
	void aggregateWhenSumOutgrowsTheColumnTypeThenExactSumAndAverage() {
		book("huge", 2_000_000_000, null, 4);
		book("huger", 2_000_000_001, null, 5);

		Map<String, Object> row = books("aggregate[sum]=pages&aggregate[avg]=pages").get(0);

		assertThat(row.get("sum")).isEqualTo(Map.of("pages", 4_000_000_501L));
		assertThat(((Number) ((Map<?, ?>) row.get("avg")).get("pages")).doubleValue()).isEqualTo(800_000_100.2);
	}

	@Test
	void aggregateWhenSumOfTextThenInvalidQuery() {
		get(this.admin, "/items/books?aggregate[sumDistinct]=title").error(400, "INVALID_QUERY");
	}

	@Test
	void aggregateWhenGroupedByFieldMaskedOnSomeRowsThenGroupsAsTheCallerSeesThem() {
		// pages and titles are visible on books of 100 pages only; elsewhere they read as
		// null
		ApiClient clerk = LibraryGrants.reader(this.admin, this.port, "aggregate clerk",
				List.of(LibraryGrants.read("books", List.of("id"), Map.of())), List.of(LibraryGrants.read("books",
						List.of("id", "pages", "title"), Map.of("pages", Map.of("_eq", 100)))));

		List<Map<String, Object>> groups = get(clerk,
				"/items/books?aggregate[count]=*&groupBy=pages&filter[id][_in]=" + String.join(",", this.keys))
			.items();

		assertThat(groups).containsExactlyInAnyOrder(Map.of("pages", 100, "count", 2), nullPages(1));
		// text is grouped and ordered through its code-point form on PostgreSQL
		List<Map<String, Object>> titles = get(clerk,
				"/items/books?aggregate[count]=pages&groupBy=title&filter[id][_in]=" + String.join(",", this.keys))
			.items();
		assertThat(titles).extracting((group) -> group.get("title")).containsExactly("Zebra", "apple", null);
		assertThat(titles).extracting((group) -> group.get("count"))
			.containsExactly(Map.of("pages", 1), Map.of("pages", 1), Map.of("pages", 0));
	}

	private static Map<String, Object> nullPages(int count) {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("pages", null);
		group.put("count", count);
		return group;
	}

	private List<Map<String, Object>> books(String query) {
		return get(this.admin, "/items/books?filter[isbn][_starts_with]=" + this.shelf + "-&" + query).items();
	}

	private void book(String title, int pages, String acquiredAt, int copy) {
		Map<String, Object> book = new LinkedHashMap<>();
		book.put("isbn", this.shelf + "-" + copy);
		book.put("title", title);
		book.put("pages", pages);
		book.put("acquired_at", acquiredAt);
		this.keys.add(String.valueOf(RelationsFixture.create(this.admin, "books", book)));
	}

}
