package dev.tidings.library;

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
import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alias}: one relation under two keys with different deep queries, a plain field
 * or a function call under a new key, alias keys in {@code *}, and periods refused.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-alias;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasQueryTests {

	@LocalServerPort
	int port;

	private ApiClient admin;

	private RelationsFixture library;

	@BeforeAll
	void fill() {
		this.admin = new ApiClient(this.port).asAdmin();
		this.library = new RelationsFixture(this.admin, "alias");
	}

	@Test
	void readWhenAliasOfRelationThenSameRelationTwiceWithItsOwnDeepQuery() {
		Map<String, Object> tolkien = get(this.admin,
				"/items/authors/" + this.library.tolkien + "?fields=books.title,latest.title&alias="
						+ encode(json(Map.of("latest", "books"))) + "&deep="
						+ encode(json(Map.of("latest", Map.of("_sort", List.of("-id"), "_limit", 1)))))
			.item();

		assertThat(tolkien).isEqualTo(Map.of("books",
				List.of(Map.of("title", "alias The Hobbit"), Map.of("title", "alias Lays of Beleriand")), "latest",
				List.of(Map.of("title", "alias Lays of Beleriand"))));
	}

	@Test
	void readWhenAliasOfPlainFieldOrFunctionThenValueUnderAliasKey() {
		RelationsFixture.create(this.admin, "authors", Map.of("name", "alias Born", "born", "1900-05-06"));

		assertThat(get(this.admin,
				"/items/authors?filter[name][_eq]=alias Born&fields=label,born_in&alias[label]=name"
						+ "&alias[born_in]=year(born)")
			.items()).containsExactly(Map.of("label", "alias Born", "born_in", 1900));
		assertThat(get(this.admin, "/items/authors?filter[name][_eq]=alias Born&fields=*&alias[label]=name").items()
			.get(0)).containsEntry("label", "alias Born").containsEntry("name", "alias Born");
	}

	@Test
	void readWhenAliasInWildcardOfRelationThenExpandedLikeTheRelation() {
		Map<String, Object> lays = get(this.admin,
				"/items/books/" + this.library.lays + "?fields=*.*&alias[first]=genres&deep[first][_limit]=1")
			.item();

		assertThat(lays.get("first")).isEqualTo(List.of(Map.of("id", this.library.fantasy, "name", "alias Fantasy",
				"books", List.of(this.library.hobbit, this.library.lays))));
		assertThat((List<?>) lays.get("genres")).hasSize(2);
	}

	@Test
	void readWhenDeepAliasThenNestedLevelHasItsOwnKeys() {
		assertThat(get(this.admin,
				"/items/authors/" + this.library.austen + "?fields=books.label&deep[books][_alias][label]=title")
			.item()).isEqualTo(Map.of("books", List.of(Map.of("label", "alias Emma"))));
	}

	@Test
	void readWhenAliasHoldsPeriodOrIsNoStringThenInvalidQuery() {
		get(this.admin, "/items/authors?alias[a.b]=name").error(400, "INVALID_QUERY");
		get(this.admin, "/items/authors?alias[x]=books.title").error(400, "INVALID_QUERY");
		get(this.admin, "/items/authors?alias=" + encode("{\"x\":1}")).error(400, "INVALID_QUERY");
		get(this.admin, "/items/authors?alias=" + encode("[\"x\"]")).error(400, "INVALID_QUERY");
		get(this.admin, "/items/authors?fields=x&alias[x]=nothing").error(403, "FORBIDDEN");
	}

}
