package dev.tidings.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.library.LibraryGrants.get;
import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deep} over REST, in its URL and JSON forms: each parent's to-many list filtered,
 * searched, ordered and paged on its own, to any depth, 100 items per parent by default;
 * a to-one relation whose deep filter fails reads as null. The caller's grants apply
 * inside, and malformed deep queries are refused.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-deep;DB_CLOSE_DELAY=-1",
				"spring.jpa.properties.hibernate.generate_statistics=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepQueryTests {

	@LocalServerPort
	int port;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	private ApiClient admin;

	private RelationsFixture library;

	@BeforeAll
	void fill() {
		this.admin = new ApiClient(this.port).asAdmin();
		this.library = new RelationsFixture(this.admin, "deep");
		RelationsFixture.create(this.admin, "books", Map.of("title", "deep Silmarillion", "author",
				this.library.tolkien, "genres", List.of(this.library.fantasy)));
	}

	@Test
	void readWhenDeepLimitAndSortThenEachParentKeepsThatManyInThatOrder() {
		List<Map<String, Object>> authors = authors(
				"fields=name,books.title&deep[books][_limit]=1&deep[books][_sort]=-title");

		assertThat(authors).containsExactly(
				Map.of("name", "deep Tolkien", "books", List.of(Map.of("title", "deep The Hobbit"))),
				Map.of("name", "deep Austen", "books", List.of(Map.of("title", "deep Emma"))));
		assertThat(authors("fields=name,books.title&deep="
				+ encode(json(Map.of("books", Map.of("_sort", List.of("title"), "_offset", 1, "_limit", 1))))))
			.containsExactly(Map.of("name", "deep Tolkien", "books", List.of(Map.of("title", "deep Silmarillion"))),
					Map.of("name", "deep Austen", "books", List.of()));
		assertThat(
				authors("fields=name,books.title&deep[books][_sort]=title&deep[books][_limit]=2&deep[books][_page]=2")
					.get(0))
			.isEqualTo(Map.of("name", "deep Tolkien", "books", List.of(Map.of("title", "deep The Hobbit"))));
	}

	@Test
	void readWhenDeepFilterOrSearchThenOnlyMatchingItemsOfEachParent() {
		assertThat(authors("fields=name,books&deep[books][_filter][title][_contains]=Hobbit")).containsExactly(
				Map.of("name", "deep Tolkien", "books", List.of(this.library.hobbit)),
				Map.of("name", "deep Austen", "books", List.of()));
		assertThat(get(this.admin,
				"/items/books?filter[title][_starts_with]=deep&sort=title&fields=title,genres.name&deep[genres][_search]=POE")
			.items()).containsExactly(Map.of("title", "deep Emma", "genres", List.of()),
					Map.of("title", "deep Lays of Beleriand", "genres", List.of(Map.of("name", "deep Poetry"))),
					Map.of("title", "deep Silmarillion", "genres", List.of()),
					Map.of("title", "deep The Hobbit", "genres", List.of()));
	}

	@Test
	void readWhenDeepNestsThenEachLevelIsQueriedOnItsOwn() {
		List<Map<String, Object>> authors = authors(
				"fields=name,books.title,books.genres.name&deep[books][_filter][title][_contains]=Lays"
						+ "&deep[books][genres][_sort]=-name&deep[books][genres][_limit]=1");

		assertThat(authors.get(0)).isEqualTo(Map.of("name", "deep Tolkien", "books",
				List.of(Map.of("title", "deep Lays of Beleriand", "genres", List.of(Map.of("name", "deep Poetry"))))));
	}

	@Test
	void readWhenDeepFilterOnToOneFailsThenRelatedItemIsNull() {
		List<Map<String, Object>> books = get(this.admin,
				"/items/books?filter[title][_starts_with]=deep&sort=title&fields=title,author.name&deep="
						+ encode(json(Map.of("author",
								Map.of("_filter", Map.of("name", Map.of("_contains", "Austen")), "_limit", 0)))))
			.items();

		assertThat(books).hasSize(4);
		assertThat(books.get(0)).isEqualTo(Map.of("title", "deep Emma", "author", Map.of("name", "deep Austen")));
		Map<String, Object> unmatched = new LinkedHashMap<>();
		unmatched.put("title", "deep Lays of Beleriand");
		unmatched.put("author", null);
		assertThat(books.get(1)).isEqualTo(unmatched);
	}

	@Test
	void readWhenParentHasMoreThanOneHundredThenDefaultKeepsOneHundredAndMinusOneKeepsAll() {
		Object prolific = RelationsFixture.create(this.admin, "authors", Map.of("name", "prolific Writer"));
		List<Map<String, Object>> books = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			books.add(Map.of("title", "prolific " + i, "author", prolific));
		}
		this.admin.post("/items/books", json(books)).items();

		assertThat((List<?>) get(this.admin, "/items/authors/" + prolific + "?fields=books").item().get("books"))
			.hasSize(100);
		assertThat(
				(List<?>) get(this.admin, "/items/authors/" + prolific + "?fields=books&deep[books][_limit]=-1").item()
					.get("books"))
			.hasSize(101);
	}

	@Test
	void readWhenMoreParentsThenNoMoreStatements() {
		Object one = RelationsFixture.create(this.admin, "genres", Map.of("name", "batch one"));
		Object two = RelationsFixture.create(this.admin, "genres", Map.of("name", "batch two"));
		List<Map<String, Object>> books = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			books.add(Map.of("title", "batch " + i, "genres", List.of(one, two)));
		}
		this.admin.post("/items/books", json(books)).items();
		String query = "&fields=title,genres.name,genres.books&deep[genres][_limit]=1&deep[genres][_sort]=-name";

		long few = statements("/items/books?filter[title][_in]=batch 0,batch 1" + query, 2);
		long many = statements("/items/books?filter[title][_starts_with]=batch" + query, 12);

		// one query for the books, one per relation of each level, whatever their number
		assertThat(many).isEqualTo(few);
	}

	private long statements(String pathAndQuery, int parents) {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		List<Map<String, Object>> items = get(this.admin, pathAndQuery).items();
		assertThat(items).hasSize(parents).allSatisfy((book) -> assertThat((List<?>) book.get("genres")).hasSize(1));
		return statistics.getPrepareStatementCount();
	}

	@Test
	void readWhenDeepMalformedThenInvalidQueryAndUnknownRelationThenForbidden() {
		assertThat(get(this.admin, "/items/authors?deep=" + encode("[1]")).reason(400, "INVALID_QUERY"))
			.contains("deep");
		assertThat(get(this.admin, "/items/authors?deep=" + encode("{nope")).reason(400, "INVALID_QUERY"))
			.contains("deep");
		assertThat(get(this.admin, "/items/authors?deep[books][_fields]=id").reason(400, "INVALID_QUERY"))
			.contains("_fields");
		assertThat(get(this.admin, "/items/authors?deep[books][_limit]=many").reason(400, "INVALID_QUERY"))
			.contains("_limit");
		assertThat(get(this.admin, "/items/authors?deep[books]=3").reason(400, "INVALID_QUERY"))
			.contains("deep[books]");
		assertThat(
				get(this.admin, "/items/authors?fields=name,books&deep[name][_limit]=1").reason(400, "INVALID_QUERY"))
			.contains("not a relation");
		get(this.admin, "/items/authors?fields=books&deep[nothing][_limit]=1").error(403, "FORBIDDEN");
		get(this.admin, "/items/authors?fields=books&deep[books][_filter][nothing][_eq]=1").error(403, "FORBIDDEN");
	}

	@Test
	void readWhenDeepFilterNamesFieldCallerMayNotReadThenForbidden() {
		Object role = this.admin.post("/roles", json(Map.of("name", "deep readers"))).item().get("id");
		Object policy = this.admin
			.post("/policies", json(Map.of("name", "deep reader", "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		this.admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
		this.admin
			.post("/permissions",
					json(List.of(read(policy, "authors", List.of("*")), read(policy, "books", List.of("id", "title")))))
			.items();
		this.admin
			.post("/users", json(Map.of("email", "deep@example.com", "password", "deep-password-1", "role", role)))
			.item();
		ApiClient reader = new ApiClient(this.port).as("deep@example.com", "deep-password-1");

		get(reader, "/items/authors?fields=books.title&deep[books][_filter][pages][_gt]=1").error(403, "FORBIDDEN");
		get(reader, "/items/authors?fields=books.title&deep[books][_sort]=pages").error(403, "FORBIDDEN");
		assertThat(get(reader,
				"/items/authors?filter[name][_eq]=" + encode("deep Tolkien")
						+ "&fields=books.title&deep[books][_filter][title][_contains]=Hobbit")
			.items()).containsExactly(Map.of("books", List.of(Map.of("title", "deep The Hobbit"))));
	}

	private List<Map<String, Object>> authors(String query) {
		return get(this.admin, "/items/authors?filter[name][_starts_with]=deep&sort=-name&" + query).items();
	}

	private static Map<String, Object> read(Object policy, String collection, List<String> fields) {
		Map<String, Object> permission = new LinkedHashMap<>();
		permission.put("policy", policy);
		permission.put("collection", collection);
		permission.put("action", "read");
		permission.put("fields", fields);
		return permission;
	}

}
