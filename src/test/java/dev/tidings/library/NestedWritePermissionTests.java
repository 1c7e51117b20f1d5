package dev.tidings.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every nested item is a write of its own collection: the caller needs that collection's
 * create, update or delete grant, its fields and its rule, and its validation, exactly as
 * for a top-level write of the item; unlinking a member updates the member's key. A
 * refusal anywhere writes nothing, checked in the database.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-nested-permissions;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedWritePermissionTests {

	private static final String EMAIL = "nester@example.com";

	private static final String PASSWORD = "nester-password-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private RelationsFixture library;

	private ApiClient nester;

	@BeforeAll
	void grantNester() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		this.library = new RelationsFixture(admin, "perm");
		Object role = admin.post("/roles", json(Map.of("name", "nesters"))).item().get("id");
		Object policy = admin
			.post("/policies", json(Map.of("name", "nester", "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
		admin.post("/permissions", json(List.of(grant(policy, "read", "books", null, null),
				grant(policy, "create", "books", null, List.of("title", "author", "genres")), grant(policy, "update",
						"books", Map.of("title", Map.of("_nstarts_with", "perm Emma")), List.of("title")),
				grant(policy, "read", "authors", null, null),
				grant(policy, "create", "authors", null, List.of("name"))
					.withValidation(Map.of("name", Map.of("_starts_with", "perm"))),
				grant(policy, "update", "authors", null, List.of("books")), grant(policy, "read", "genres", null, null),
				grant(policy, "read", "reading_lists", null, null),
				grant(policy, "create", "reading_lists", null, null),
				grant(policy, "update", "reading_lists", null, null), grant(policy, "read", "list_entries", null, null),
				grant(policy, "create", "list_entries", null, null))))
			.items();
		admin.post("/users", json(Map.of("email", EMAIL, "password", PASSWORD, "role", role))).item();
		this.nester = new ApiClient(this.port).as(EMAIL, PASSWORD);
	}

	@Test
	void createWhenNestedItemsAreGrantedThenWritten() {
		Map<String, Object> book = this.nester
			.post("/items/books?fields=title,author.name",
					json(Map.of("title", "perm Granted", "author", Map.of("name", "perm Granted Author"))))
			.item();
		Map<String, Object> linked = this.nester
			.post("/items/books?fields=author",
					json(Map.of("title", "perm Linked", "author", Map.of("id", this.library.austen))))
			.item();

		assertThat(book).isEqualTo(Map.of("title", "perm Granted", "author", Map.of("name", "perm Granted Author")));
		assertThat(linked).isEqualTo(Map.of("author", this.library.austen));
	}

	@Test
	void createWhenNestedCollectionMayNotBeCreatedThenForbiddenAndNothingWritten() {
		assertThat(
				this.nester
					.post("/items/books",
							json(Map.of("title", "perm Refused", "author", Map.of("name", "perm Refused Author"),
									"genres", List.of(Map.of("name", "perm Refused Genre")))))
					.reason(403, "FORBIDDEN"))
			.contains("\"genres\"");

		assertThat(count("books", "title = 'perm Refused'")).isZero();
		assertThat(count("authors", "name = 'perm Refused Author'")).isZero();
	}

	@Test
	void createWhenNestedItemHasFieldNotGrantedOrFailsValidationThenSameErrorAsTopLevel() {
		assertThat(this.nester
			.post("/items/books",
					json(Map.of("title", "perm Born", "author",
							Map.of("name", "perm Born Author", "born", "1900-01-01"))))
			.reason(403, "FORBIDDEN")).contains("\"born\"").contains("\"authors\"");
		Map<String, Object> invalid = this.nester
			.post("/items/books", json(Map.of("title", "perm Invalid", "author", Map.of("name", "Nobody"))))
			.error(400, "FAILED_VALIDATION");

		assertThat(invalid).extractingByKey("extensions")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("field", "name");
		assertThat(count("books", "title in ('perm Born', 'perm Invalid')")).isZero();
	}

	@Test
	void updateWhenNestedItemMayNotBeUpdatedThenForbiddenAndNothingWritten() {
		this.nester
			.post("/items/books",
					json(Map.of("title", "perm Renamer", "author",
							Map.of("id", this.library.tolkien, "name", "perm Renamed"))))
			.error(403, "FORBIDDEN");
		this.nester
			.patch("/items/authors/" + this.library.austen,
					json(Map.of("books",
							Map.of("update", List.of(Map.of("id", this.library.emma, "title", "perm Emma renamed"))))))
			.error(403, "FORBIDDEN");

		assertThat(count("books", "title = 'perm Renamer'")).isZero();
		assertThat(count("authors", "name = 'perm Tolkien'")).isEqualTo(1);
		assertThat(count("books", "title = 'perm Emma'")).isEqualTo(1);
	}

	@Test
	void updateWhenUnlinkingNeedsUpdateOfTheMembersKeyThenForbiddenWithoutIt() {
		assertThat(this.nester
			.patch("/items/authors/" + this.library.tolkien, json(Map.of("books", List.of(this.library.hobbit))))
			.reason(403, "FORBIDDEN")).contains("\"author\"").contains("\"books\"");

		assertThat(count("books", "author = " + this.library.tolkien)).isEqualTo(2);
	}

	@Test
	void updateWhenDroppedMemberMustBeDeletedThenForbiddenWithoutDeleteGrant() {
		Map<String, Object> list = this.nester.post("/items/reading_lists?fields=id,entries", json(Map.of("name",
				"perm List", "entries", List.of(Map.of("title", "perm kept"), Map.of("title", "perm dropped")))))
			.item();
		List<?> entries = (List<?>) list.get("entries");

		assertThat(this.nester
			.patch("/items/reading_lists/" + list.get("id"), json(Map.of("entries", List.of(entries.get(0)))))
			.reason(403, "FORBIDDEN")).contains("\"list_entries\"");

		assertThat(count("list_entries", "title like 'perm %'")).isEqualTo(2);
	}

	private int count(String table, String where) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class);
	}

	private static Grant grant(Object policy, String action, String collection, Map<String, Object> rule,
			List<String> fields) {
		Grant permission = new Grant();
		permission.putAll(Map.of("policy", policy, "collection", collection, "action", action, "fields",
				(fields != null) ? fields : List.of("*")));
		if (rule != null) {
			permission.put("permissions", rule);
		}
		return permission;
	}

	/** A permission row, as the administration API takes it. */
	private static final class Grant extends LinkedHashMap<String, Object> {

		Grant withValidation(Map<String, Object> validation) {
			put("validation", validation);
			return this;
		}

	}

}
