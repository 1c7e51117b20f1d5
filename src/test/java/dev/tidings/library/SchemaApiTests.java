package dev.tidings.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /collections}, {@code /fields} and {@code /relations} describe the library's
 * entities: every kind of relation in Directus's rows, none naming a collection that does
 * not exist, each caller seeing only what it may read, and no way to write.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-schema;DB_CLOSE_DELAY=-1", "tidings.rest.base-path=/api" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaApiTests {

	@LocalServerPort
	int port;

	private ApiClient admin;

	private ApiClient patron;

	@BeforeAll
	void grantPatron() {
		this.admin = new ApiClient(this.port, "/api").asAdmin();
		Object role = this.admin.post("/roles", json(Map.of("name", "patrons"))).item().get("id");
		Object policy = this.admin
			.post("/policies", json(Map.of("name", "patron", "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		this.admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
		this.admin.post("/permissions", json(List.of(
				Map.of("policy", policy, "collection", "books", "action", "read", "fields",
						List.of("id", "title", "author", "genres")),
				Map.of("policy", policy, "collection", "authors", "action", "read", "fields", List.of("id", "name")),
				Map.of("policy", policy, "collection", "genres", "action", "read", "fields", List.of("*"),
						"permissions", Map.of("name", Map.of("_eq", "nothing matches"))))))
			.items();
		this.admin
			.post("/users",
					json(Map.of("email", "schema-patron@example.com", "password", "patron-pass-123", "role", role)))
			.item();
		this.patron = new ApiClient(this.port, "/api").as("schema-patron@example.com", "patron-pass-123");
	}

	@Test
	void collectionsWhenAdminThenEveryCollectionWithSingletonFlag() {
		List<Map<String, Object>> collections = this.admin.get("/collections").items();
		assertThat(collections).extracting((c) -> c.get("collection"))
			.contains("books", "authors", "genres", "library_settings", "directus_users");
		Map<String, Object> settings = this.admin.get("/collections/library_settings").item();
		assertThat(schema(settings)).containsEntry("name", "library_settings");
		assertThat(meta(settings)).containsEntry("singleton", true).containsEntry("collection", "library_settings");
		assertThat(meta(this.admin.get("/collections/books").item())).containsEntry("singleton", false);
		this.admin.get("/collections/nowhere").error(403, "FORBIDDEN");
	}

	@Test
	void fieldsWhenAdminThenTypesColumnsAndSpecials() {
		Map<String, Object> title = this.admin.get("/fields/books/title").item();
		assertThat(title).containsEntry("type", "string");
		assertThat(schema(title)).containsEntry("is_nullable", false)
			.containsEntry("is_primary_key", false)
			.containsEntry("is_unique", false)
			.containsEntry("data_type", "character varying");
		assertThat(schema(this.admin.get("/fields/books/isbn").item())).containsEntry("is_unique", true)
			.containsEntry("max_length", 17);
		assertThat(schema(this.admin.get("/fields/author_profiles/author").item())).containsEntry("is_unique", true);
		Map<String, Object> id = this.admin.get("/fields/books/id").item();
		assertThat(schema(id)).containsEntry("is_primary_key", true).containsEntry("has_auto_increment", true);
		Map<String, Object> author = this.admin.get("/fields/books/author").item();
		assertThat(author).containsEntry("type", this.admin.get("/fields/authors/id").item().get("type"));
		assertThat(schema(author)).containsEntry("foreign_key_table", "authors")
			.containsEntry("foreign_key_column", "id");
		assertThat(meta(author)).containsEntry("special", List.of("m2o"));
		Map<String, Object> genres = this.admin.get("/fields/books/genres").item();
		assertThat(genres).containsEntry("type", "alias").containsEntry("schema", null);
		assertThat(meta(genres)).containsEntry("special", List.of("o2m"));
		Map<String, Object> loanDays = this.admin.get("/fields/library_settings/loan_days").item();
		assertThat(schema(loanDays)).containsEntry("default_value", 21);
		assertThat(this.admin.get("/fields/members").items()).extracting((f) -> f.get("field"))
			.startsWith("id")
			.contains("reminders");
		assertThat(this.admin.get("/fields").items()).extracting((f) -> f.get("collection") + "." + f.get("field"))
			.contains("books.title", "genres.books", "library_settings.notice");
		this.admin.get("/fields/books/nothing").error(403, "FORBIDDEN");
	}

	@Test
	void relationsWhenAdminThenEveryKindAndOnlyExistingCollections() {
		List<Map<String, Object>> relations = this.admin.get("/relations").items();
		List<Object> collections = this.admin.get("/collections")
			.items()
			.stream()
			.map((c) -> c.get("collection"))
			.toList();
		for (Map<String, Object> relation : relations) {
			assertThat(collections).contains(relation.get("collection"), relation.get("related_collection"));
		}
		// many-to-one with its one-to-many alias on the other side
		assertThat(find(relations, "books", "author")).containsEntry("related_collection", "authors");
		assertThat(meta(find(relations, "books", "author"))).containsEntry("one_field", "books");
		assertThat(schema(find(relations, "books", "author"))).containsEntry("foreign_key_table", "authors");
		// owning one-to-one, and its inverse as a to-one of its own
		assertThat(meta(find(relations, "author_profiles", "author"))).containsEntry("one_field", null);
		assertThat(find(relations, "authors", "profile")).containsEntry("related_collection", "author_profiles")
			.containsEntry("schema", null);
		// a many-to-many is two aliases, each listed from the collection it lists
		assertThat(meta(find(relations, "genres", "books"))).containsEntry("one_field", "genres")
			.containsEntry("junction_field", null);
		assertThat(find(relations, "genres", "books")).containsEntry("related_collection", "books");
		assertThat(meta(find(relations, "books", "genres"))).containsEntry("one_field", "books");
		// one-way one-to-manys (join column, join table): no field leads back
		assertThat(find(relations, "reminders", null)).containsEntry("related_collection", "members");
		assertThat(meta(find(relations, "reminders", null))).containsEntry("one_field", "reminders");
		assertThat(meta(find(relations, "staff", null))).containsEntry("one_field", "staff");
		assertThat(this.admin.get("/relations/books").items()).extracting((r) -> r.get("field"))
			.contains("author", "genres", "user_created")
			.doesNotContain("books");
		assertThat(this.admin.get("/relations/books/author").item()).isEqualTo(find(relations, "books", "author"));
		this.admin.get("/relations/books/title").error(403, "FORBIDDEN");
	}

	@Test
	void relationsWhenDroppedMemberCannotBeUnlinkedThenDeselectDeletes() {
		List<Map<String, Object>> relations = this.admin.get("/relations").items();
		// NOT NULL key column, orphanRemoval, and a plain nullable key: what a nested
		// write does
		assertThat(meta(find(relations, "list_entries", "reading_list"))).containsEntry("one_deselect_action",
				"delete");
		assertThat(meta(find(relations, "list_notes", "reading_list"))).containsEntry("one_deselect_action", "delete");
		assertThat(meta(find(relations, "books", "author"))).containsEntry("one_deselect_action", "nullify");
	}

	@Test
	void schemaWhenPatronThenOnlyWhatItMayRead() {
		// every user may read its own activity and revisions
		assertThat(this.patron.get("/collections").items()).extracting((c) -> c.get("collection"))
			.containsExactlyInAnyOrder("books", "authors", "genres", "directus_activity", "directus_revisions");
		assertThat(this.patron.get("/fields/books").items()).extracting((f) -> f.get("field"))
			.containsExactly("id", "title", "author", "genres");
		assertThat(this.patron.get("/fields").items()).extracting((f) -> f.get("collection") + "." + f.get("field"))
			.contains("authors.name", "genres.books")
			.doesNotContain("books.pages", "authors.books", "members.id");
		this.patron.get("/fields/books/pages").error(403, "FORBIDDEN");
		this.patron.get("/collections/members").error(403, "FORBIDDEN");
		this.patron.get("/fields/members").error(403, "FORBIDDEN");
		this.patron.get("/relations/members").error(403, "FORBIDDEN");
		List<Map<String, Object>> relations = this.patron.get("/relations").items();
		assertThat(relations).extracting((r) -> r.get("collection") + "." + r.get("field"))
			.containsExactlyInAnyOrder("books.author", "books.genres", "genres.books", "directus_revisions.activity",
					"directus_revisions.parent");
		// authors.books is not readable: the one-to-many alias is not named
		assertThat(meta(find(relations, "books", "author"))).containsEntry("one_field", null);
		assertThat(this.admin.anonymous().get("/collections").items()).isEmpty();
		this.admin.anonymous().get("/fields/books").error(403, "FORBIDDEN");
	}

	@Test
	void writeWhenSchemaRouteThenMethodNotAllowed() {
		this.admin.post("/collections", json(Map.of("collection", "x"))).error(405, "METHOD_NOT_ALLOWED");
		this.admin.patch("/fields/books/title", json(Map.of("meta", Map.of()))).error(405, "METHOD_NOT_ALLOWED");
		this.admin.delete("/relations/books/author").error(405, "METHOD_NOT_ALLOWED");
		this.patron.delete("/collections/books").error(405, "METHOD_NOT_ALLOWED");
	}

	private static Map<String, Object> find(List<Map<String, Object>> relations, String collection, String field) {
		List<Map<String, Object>> found = new ArrayList<>();
		for (Map<String, Object> relation : relations) {
			if (collection.equals(relation.get("collection")) && Objects.equals(field, relation.get("field"))) {
				found.add(relation);
			}
		}
		assertThat(found).as(collection + "." + field).hasSize(1);
		return found.get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> meta(Map<String, Object> described) {
		return (Map<String, Object>) described.get("meta");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> schema(Map<String, Object> described) {
		return (Map<String, Object>) described.get("schema");
	}

}
