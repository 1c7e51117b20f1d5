package dev.tidings.library;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.library.RelationsApiTests.keys;
import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permissions apply at every step of a relation: a related item the caller may not read
 * is not listed by an alias, not expanded, not found by a filter through the relation and
 * not ordered by a sort through it; a relation into a collection it may not read at all,
 * or a relational field it is not granted, is refused when named. The role, policy,
 * permissions and user are made through the admin API.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-relations-permissions;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationsPermissionTests {

	private static final String EMAIL = "patron@example.com";

	private static final String PASSWORD = "patron-password-1";

	@LocalServerPort
	int port;

	private RelationsFixture library;

	private ApiClient patron;

	private ApiClient admin;

	private Object policy;

	@BeforeAll
	void grantPatron() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		this.admin = admin;
		this.library = new RelationsFixture(admin, "perm");
		Object role = admin.post("/roles", json(Map.of("name", "patrons"))).item().get("id");
		Object policy = admin
			.post("/policies", json(Map.of("name", "patron", "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		this.policy = policy;
		admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
		admin.post("/permissions", json(List.of(read(policy, "books", null, List.of("*")),
				read(policy, "genres", Map.of("name", Map.of("_neq", "perm Poetry")), List.of("*")),
				read(policy, "authors", null, List.of("*")),
				read(policy, "author_profiles", Map.of("website", Map.of("_neq", "perm-austen.example")), List.of("*")),
				read(policy, "members", null, List.of("*")), read(policy, "branches", null, List.of("id", "name")),
				read(policy, "staff", null, List.of("*")), grant(policy, "update", "authors", null, List.of("*")),
				grant(policy, "update", "genres", null, List.of("*")),
				grant(policy, "update", "books", null, List.of("title")))))
			.items();
		admin.post("/users", json(Map.of("email", EMAIL, "password", PASSWORD, "role", role))).item();
		this.patron = new ApiClient(this.port).as(EMAIL, PASSWORD);
	}

	@Test
	void readWhenRelatedItemNotReadableThenNeitherListedNorExpanded() {
		assertThat(this.patron.get("/items/books/" + this.library.lays).item().get("genres"))
			.isEqualTo(List.of(this.library.fantasy));
		assertThat(this.patron.get("/items/books/" + this.library.lays + "?fields=genres.name").item())
			.isEqualTo(Map.of("genres", List.of(Map.of("name", "perm Fantasy"))));
		assertThat(this.patron.get("/items/authors/" + this.library.austen + "?fields=profile").item())
			.isEqualTo(Collections.singletonMap("profile", null));
		assertThat(this.patron.get("/items/authors/" + this.library.austen + "?fields=profile.*").item())
			.isEqualTo(Collections.singletonMap("profile", null));
		assertThat(this.patron.get("/items/authors/" + this.library.tolkien + "?fields=profile.website").item())
			.isEqualTo(Map.of("profile", Map.of("website", "perm-tolkien.example")));
		// no read on reminders at all: the alias lists none, and naming it is refused
		assertThat(this.patron.get("/items/members/" + this.library.member).item().get("reminders"))
			.isEqualTo(List.of());
		this.patron.get("/items/members/" + this.library.member + "?fields=reminders.message").error(403, "FORBIDDEN");
		this.patron.get("/items/branches/" + this.library.branch + "?fields=staff").error(403, "FORBIDDEN");
	}

	@Test
	void filterWhenRelatedItemNotReadableThenItDoesNotMatch() {
		assertThat(keys(this.patron, "books", "filter[genres][name][_eq]=" + encode("perm Poetry"))).isEmpty();
		assertThat(keys(this.patron, "books", "filter[genres][name][_eq]=" + encode("perm Fantasy")))
			.containsExactly(this.library.hobbit, this.library.lays);
		assertThat(keys(this.patron, "genres", "filter[books][title][_eq]=" + encode("perm Lays of Beleriand")))
			.containsExactly(this.library.fantasy);
		assertThat(keys(this.patron, "authors", "filter[profile][website][_eq]=perm-austen.example")).isEmpty();
		assertThat(keys(this.patron, "authors", "filter[name][_starts_with]=perm&filter[profile][_nnull]=true"))
			.containsExactly(this.library.tolkien);
		assertThat(keys(this.patron, "authors",
				"filter[name][_starts_with]=perm&filter[profile][_eq]=" + this.library.austenProfile))
			.isEmpty();
		this.patron.get("/items/members?filter%5Breminders%5D%5Bmessage%5D%5B_eq%5D=x").error(403, "FORBIDDEN");
		this.patron.get("/items/branches?filter%5Bstaff%5D%5Bname%5D%5B_eq%5D=x").error(403, "FORBIDDEN");
	}

	@Test
	void sortWhenRelatedValueNotReadableThenItSortsAsNull() {
		// unmasked, austen's website sorts first; masked, it is null and sorts last
		assertThat(keys(this.patron, "authors", "filter[name][_starts_with]=perm&sort=profile.website"))
			.containsExactly(this.library.tolkien, this.library.austen);
		assertThat(keys(this.patron, "authors", "filter[name][_starts_with]=perm&sort=-profile"))
			.containsExactly(this.library.austen, this.library.tolkien);
	}

	@Test
	void writeWhenInverseSideWrittenThenCallerMustBeAllowedToUpdateTheOwningSide() {
		RelationsFixture own = new RelationsFixture(this.admin, "permw");
		// the owning side is the book's: updating genres or authors alone is not enough
		this.patron.patch("/items/genres/" + own.fantasy, json(Map.of("books", List.of(own.emma))))
			.error(403, "FORBIDDEN");
		this.patron.patch("/items/authors/" + own.austen, json(Map.of("books", List.of(own.hobbit))))
			.error(403, "FORBIDDEN");
		this.patron.patch("/items/books/" + own.hobbit, json(Map.of("genres", List.of(own.poetry))))
			.error(403, "FORBIDDEN");

		// allowed on every book but Emma: a membership that gains or loses Emma is
		// refused
		this.admin
			.post("/permissions",
					json(grant(this.policy, "update", "books", Map.of("title", Map.of("_neq", "permw Emma")),
							List.of("genres"))))
			.item();
		this.patron.patch("/items/genres/" + own.classics, json(Map.of("books", List.of(own.hobbit))))
			.error(403, "FORBIDDEN");
		assertThat(this.admin.get("/items/genres/" + own.classics).item().get("books")).isEqualTo(List.of(own.emma));
		assertThat(this.patron.patch("/items/genres/" + own.fantasy, json(Map.of("books", List.of(own.hobbit)))).item())
			.containsEntry("books", List.of(own.hobbit));
		assertThat(this.admin.get("/items/books/" + own.lays).item().get("genres")).isEqualTo(List.of(own.poetry));
	}

	private static Map<String, Object> read(Object policy, String collection, Map<String, Object> rule,
			List<String> fields) {
		return grant(policy, "read", collection, rule, fields);
	}

	private static Map<String, Object> grant(Object policy, String action, String collection, Map<String, Object> rule,
			List<String> fields) {
		Map<String, Object> permission = new java.util.LinkedHashMap<>(
				Map.of("policy", policy, "collection", collection, "action", action, "fields", fields));
		if (rule != null) {
			permission.put("permissions", rule);
		}
		return permission;
	}

}
