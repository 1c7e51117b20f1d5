package dev.tidings.library;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JPA relation kind of the library domain over REST: the alias lists related keys,
 * {@code fields} expands, {@code filter} goes through it ("some related item matches"),
 * {@code sort} follows to-one paths, and writes take related keys, replacing the members
 * of a to-many relation on whichever side it is written. Each test writes its own rows.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-relations;DB_CLOSE_DELAY=-1" })
class RelationsApiTests {

	@LocalServerPort
	int port;

	private ApiClient admin() {
		return new ApiClient(this.port).asAdmin();
	}

	@Test
	void readWhenEveryRelationKindThenAliasesListRelatedKeysAndOwningSidesHoldTheKey() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "read");

		Map<String, Object> tolkien = api.get("/items/authors/" + library.tolkien).item();
		assertThat(tolkien).containsEntry("books", List.of(library.hobbit, library.lays))
			.containsEntry("profile", library.tolkienProfile);
		assertThat(api.get("/items/author_profiles/" + library.tolkienProfile).item()).containsEntry("author",
				library.tolkien);
		assertThat(api.get("/items/books/" + library.lays).item()).containsEntry("author", library.tolkien)
			.containsEntry("genres", List.of(library.fantasy, library.poetry));
		assertThat(api.get("/items/genres/" + library.fantasy).item()).containsEntry("books",
				List.of(library.hobbit, library.lays));
		assertThat(api.get("/items/members/" + library.member).item()).containsEntry("reminders",
				List.of(library.lateReminder, library.holdReminder));
		assertThat(api.get("/items/branches/" + library.branch).item()).containsEntry("staff", List.of(library.alice));
	}

	@Test
	void readWhenFieldsExpandRelationsThenRelatedItemsAreNestedWithoutJunctionLevel() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "expand");

		assertThat(api.get("/items/books/" + library.lays + "?fields=title,genres.name").item())
			.isEqualTo(Map.of("title", "expand Lays of Beleriand", "genres",
					List.of(Map.of("name", "expand Fantasy"), Map.of("name", "expand Poetry"))));
		assertThat(api.get("/items/authors/" + library.austen + "?fields=name,profile.website,books.title").item())
			.isEqualTo(Map.of("name", "expand Austen", "profile", Map.of("website", "expand-austen.example"), "books",
					List.of(Map.of("title", "expand Emma"))));
		assertThat(api.get("/items/author_profiles/" + library.austenProfile + "?fields=author.name").item())
			.isEqualTo(Map.of("author", Map.of("name", "expand Austen")));
		assertThat(api.get("/items/genres/" + library.poetry + "?fields=books.title").item())
			.isEqualTo(Map.of("books", List.of(Map.of("title", "expand Lays of Beleriand"))));
		assertThat(api.get("/items/members/" + library.member + "?fields=reminders.message").item()).isEqualTo(
				Map.of("reminders", List.of(Map.of("message", "expand late"), Map.of("message", "expand hold ready"))));
		assertThat(api.get("/items/branches/" + library.branch + "?fields=staff.*").item().get("staff"))
			.isEqualTo(List.of(Map.of("id", library.alice, "name", "expand Alice")));

		Map<String, Object> everything = api.get("/items/authors/" + library.tolkien + "?fields=*.*").item();
		assertThat(everything.get("profile")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("website", "expand-tolkien.example");
		assertThat(everything.get("books")).asList()
			.hasSize(2)
			.allSatisfy((book) -> assertThat(book).isInstanceOf(Map.class));
	}

	@Test
	void filterWhenPathGoesThroughEveryRelationKindThenSomeRelatedItemMatches() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "filter");

		assertThat(keys(api, "books", "filter[genres][name][_eq]=" + encode("filter Poetry")))
			.containsExactly(library.lays);
		assertThat(keys(api, "books",
				"filter[title][_starts_with]=filter&filter[genres][_none][name][_eq]=" + encode("filter Fantasy")))
			.containsExactly(library.emma);
		assertThat(keys(api, "genres", "filter[books][title][_eq]=" + encode("filter The Hobbit")))
			.containsExactly(library.fantasy);
		assertThat(keys(api, "authors", "filter[books][genres][name][_eq]=" + encode("filter Classics")))
			.containsExactly(library.austen);
		assertThat(keys(api, "authors", "filter[profile][website][_eq]=filter-tolkien.example"))
			.containsExactly(library.tolkien);
		assertThat(keys(api, "author_profiles", "filter[author][name][_eq]=" + encode("filter Austen")))
			.containsExactly(library.austenProfile);
		assertThat(keys(api, "members", "filter[reminders][message][_eq]=" + encode("filter hold ready")))
			.containsExactly(library.member);
		assertThat(keys(api, "branches", "filter[staff][name][_eq]=" + encode("filter Alice")))
			.containsExactly(library.branch);
		assertThat(keys(api, "branches", "filter[staff][name][_eq]=" + encode("filter Bob"))).isEmpty();
		assertThat(
				keys(api, "authors", "filter[name][_starts_with]=filter&filter[profile][_eq]=" + library.austenProfile))
			.containsExactly(library.austen);

		api.get("/items/books?filter%5Bgenres%5D%5B_eq%5D=1").error(400, "INVALID_QUERY");
	}

	@Test
	void sortWhenPathFollowsToOneRelationsThenOrdered() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "sort");

		assertThat(keys(api, "author_profiles", "filter[website][_starts_with]=sort-&sort=-author.name"))
			.containsExactly(library.tolkienProfile, library.austenProfile);
		assertThat(keys(api, "authors", "filter[name][_starts_with]=sort&sort=-profile.website"))
			.containsExactly(library.tolkien, library.austen);
		assertThat(keys(api, "authors", "filter[name][_starts_with]=sort&sort=profile.website"))
			.containsExactly(library.austen, library.tolkien);
		assertThat(keys(api, "books", "filter[title][_starts_with]=sort&sort=author.name,title"))
			.containsExactly(library.emma, library.lays, library.hobbit);

		api.get("/items/authors?sort=books.title").error(400, "INVALID_QUERY");
		api.get("/items/books?sort=genres.name").error(400, "INVALID_QUERY");
	}

	@Test
	void writeWhenToManyGivenKeysThenMembershipIsReplacedOnBothSides() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "write");

		// owning many-to-many
		api.patch("/items/books/" + library.hobbit, json(Map.of("genres", List.of(library.poetry, library.classics))))
			.item();
		assertThat(api.get("/items/books/" + library.hobbit).item().get("genres"))
			.isEqualTo(List.of(library.poetry, library.classics));
		assertThat(api.get("/items/genres/" + library.fantasy).item().get("books")).isEqualTo(List.of(library.lays));

		// inverse many-to-many: the books' side is what persists
		api.patch("/items/genres/" + library.fantasy, json(Map.of("books", List.of(library.hobbit, library.emma))))
			.item();
		assertThat(api.get("/items/genres/" + library.fantasy).item().get("books"))
			.isEqualTo(List.of(library.hobbit, library.emma));
		assertThat(api.get("/items/books/" + library.lays).item().get("genres")).isEqualTo(List.of(library.poetry));
		assertThat(api.get("/items/books/" + library.emma).item().get("genres")).asList()
			.containsExactlyInAnyOrder(library.classics, library.fantasy);

		// one-to-many by mappedBy: the books' author column is what persists
		api.patch("/items/authors/" + library.austen, json(Map.of("books", List.of(library.hobbit, library.emma))))
			.item();
		assertThat(api.get("/items/books/" + library.hobbit).item()).containsEntry("author", library.austen);
		assertThat(api.get("/items/authors/" + library.tolkien).item().get("books")).isEqualTo(List.of(library.lays));

		// one-way one-to-many, by join column and by join table
		api.patch("/items/members/" + library.member, json(Map.of("reminders", List.of(library.holdReminder)))).item();
		assertThat(api.get("/items/members/" + library.member).item().get("reminders"))
			.isEqualTo(List.of(library.holdReminder));
		api.patch("/items/branches/" + library.branch, json(Map.of("staff", List.of(library.bob, library.alice))))
			.item();
		assertThat(api.get("/items/branches/" + library.branch).item().get("staff"))
			.isEqualTo(List.of(library.alice, library.bob));
		api.patch("/items/branches/" + library.branch, json(Map.of("staff", List.of()))).item();
		assertThat(api.get("/items/branches/" + library.branch).item().get("staff")).isEqualTo(List.of());
	}

	@Test
	void writeWhenOneToOneGivenKeyThenEitherSideMovesTheProfile() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "one");

		// inverse side: the profile's author column is what persists
		api.patch("/items/authors/" + library.austen, json(Map.of("profile", library.tolkienProfile))).item();
		assertThat(api.get("/items/author_profiles/" + library.tolkienProfile).item()).containsEntry("author",
				library.austen);
		assertThat(api.get("/items/author_profiles/" + library.austenProfile).item()).containsEntry("author", null);
		assertThat(api.get("/items/authors/" + library.tolkien).item()).containsEntry("profile", null);

		// owning side
		api.patch("/items/author_profiles/" + library.austenProfile, json(Map.of("author", library.tolkien))).item();
		assertThat(api.get("/items/authors/" + library.tolkien).item()).containsEntry("profile", library.austenProfile);

		Object created = RelationsFixture.create(api, "authors", Map.of("name", "one Woolf", "profile",
				RelationsFixture.create(api, "author_profiles", Map.of("website", "one-woolf.example"))));
		assertThat(api.get("/items/authors/" + created + "?fields=profile.website").item())
			.isEqualTo(Map.of("profile", Map.of("website", "one-woolf.example")));
	}

	@Test
	void writeWhenRelatedKeyUnknownThenInvalidForeignKeyNamingTheFieldAndNothingWritten() {
		ApiClient api = admin();
		RelationsFixture library = new RelationsFixture(api, "fk");

		Map<String, Object> error = api
			.patch("/items/books/" + library.hobbit, json(Map.of("genres", List.of(library.poetry, 999999))))
			.error(400, "INVALID_FOREIGN_KEY");
		assertThat(Reply.extensions(error)).containsEntry("field", "genres").containsEntry("collection", "books");
		assertThat(
				Reply.extensions(api.patch("/items/members/" + library.member, json(Map.of("reminders", List.of(-5))))
					.error(400, "INVALID_FOREIGN_KEY")))
			.containsEntry("field", "reminders");
		assertThat(Reply.extensions(api.patch("/items/authors/" + library.austen, json(Map.of("profile", 999999)))
			.error(400, "INVALID_FOREIGN_KEY"))).containsEntry("field", "profile");
		assertThat(api.get("/items/books/" + library.hobbit).item().get("genres")).isEqualTo(List.of(library.fantasy));

		api.patch("/items/books/" + library.hobbit, json(Map.of("genres", library.poetry)))
			.error(400, "INVALID_PAYLOAD");
		api.patch("/items/books/" + library.hobbit, json(Map.of("genres", List.of(List.of(library.poetry)))))
			.error(400, "INVALID_PAYLOAD");
		api.patch("/items/members/" + library.member, json(Map.of("reminders", List.of(UUID.randomUUID().toString()))))
			.error(400, "INVALID_PAYLOAD");
	}

	/** The keys a query selects; brackets encoded, as the host's server is strict. */
	static List<Object> keys(ApiClient api, String collection, String query) {
		return api.get("/items/" + collection + "?fields=id&" + query.replace("[", "%5B").replace("]", "%5D"))
			.items()
			.stream()
			.map((item) -> item.get("id"))
			.toList();
	}

}
