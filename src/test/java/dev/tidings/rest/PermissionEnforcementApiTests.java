package dev.tidings.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import dev.tidings.rest.DemoRows.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's Editor and Reader, and the public, against the items API over real HTTP with
 * tokens from {@code /auth/login}: which rows and fields each reads, which writes each
 * may make, and that a permission change made through the administration API applies to
 * the very next request, with the same token and without a restart. Every refused write
 * is checked in the database, not only by its status.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:permission-enforcement-api-tests;DB_CLOSE_DELAY=-1",
				"tidings.auth.login-stall-time=10ms" })
class PermissionEnforcementApiTests {

	static final String PUBLIC_POLICY = "abf8a154-5b1c-4a46-ac9c-7300570f4f17";

	static final String READER_EMAIL = "reader@example.com";

	static final String READER_PASSWORD = "reader-password-123";

	static final String EDITOR_EMAIL = "editor@example.com";

	static final String EDITOR_PASSWORD = "editor-password-123";

	private static final List<String> READER_FIELDS = List.of("id", "title", "status", "published_at");

	private final ApiClient admin;

	private final ApiClient reader;

	private final ApiClient editor;

	private final ApiClient anonymous;

	private final JdbcTemplate jdbc;

	PermissionEnforcementApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.admin = new ApiClient(port).asAdmin();
		this.reader = new ApiClient(port).as(READER_EMAIL, READER_PASSWORD);
		this.editor = new ApiClient(port).as(EDITOR_EMAIL, EDITOR_PASSWORD);
		this.anonymous = new ApiClient(port);
		this.jdbc = jdbc;
	}

	@BeforeEach
	@AfterEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
		// the PATCH below is a security write, so it empties the permission cache too
		this.jdbc.update("DELETE FROM tidings_permissions WHERE policy = ?", UUID.fromString(PUBLIC_POLICY));
		String readerRead = readerReadPermission();
		this.admin.patch("/permissions/" + readerRead, ApiClient.json(Map.of("fields", READER_FIELDS))).item();
	}

	@Test
	void readWhenReaderThenOnlyPublishedArticlesWithFourFields() {
		List<Article> published = DemoRows.articles(this.jdbc)
			.stream()
			.filter((row) -> row.status().equals("published"))
			.toList();

		Reply reply = this.reader.get("/items/articles?limit=-1&meta=*");

		assertThat(reply.items()).hasSize(12)
			.allSatisfy((item) -> assertThat(item).containsOnlyKeys(READER_FIELDS).containsEntry("status", "published"))
			.extracting((item) -> item.get("id"))
			.containsExactlyInAnyOrderElementsOf(published.stream().map((row) -> (Object) row.id()).toList());
		assertThat(reply.meta()).isEqualTo(Map.of("total_count", 12, "filter_count", 12));
		assertThat(this.reader.get("/items/articles?fields=*&limit=-1").items()).hasSize(12)
			.allSatisfy((item) -> assertThat(item).containsOnlyKeys(READER_FIELDS));
		assertThat(this.reader.get("/items/articles?filter[status][_eq]=draft&meta=filter_count").meta())
			.isEqualTo(Map.of("filter_count", 0));
	}

	@Test
	void readWhenReaderAsksForADraftByKeyThenForbidden() {
		int draft = DemoRows.articles(this.jdbc)
			.stream()
			.filter((row) -> row.status().equals("draft"))
			.findFirst()
			.orElseThrow()
			.id();

		this.reader.get("/items/articles/" + draft).error(403, "FORBIDDEN");
		assertThat(this.reader.get("/items/articles/1").item()).containsOnlyKeys(READER_FIELDS);
	}

	@Test
	void readWhenReaderAsksForOrFiltersOrSortsOnBodyThenForbiddenNamingIt() {
		String reason = "You don't have permission to access field \"body\" in collection \"articles\" "
				+ "or it does not exist. Queried in root.";

		assertThat(this.reader.get("/items/articles?fields=id,body").reason(403, "FORBIDDEN")).isEqualTo(reason);
		assertThat(this.reader.get("/items/articles?filter[body][_contains]=Redis").reason(403, "FORBIDDEN"))
			.isEqualTo(reason);
		assertThat(this.reader.get("/items/articles?sort=body").reason(403, "FORBIDDEN")).isEqualTo(reason);
		assertThat(this.reader.get("/items/articles?aggregate[count]=body").reason(403, "FORBIDDEN")).isEqualTo(reason);
		assertThat(this.reader.get("/items/articles/1?fields=body").reason(403, "FORBIDDEN")).isEqualTo(reason);
	}

	@Test
	void writeWhenReaderThenForbiddenAndNothingChanges() {
		List<Article> before = DemoRows.articles(this.jdbc);

		this.reader.post("/items/articles", ApiClient.json(Map.of("title", "Sneaky"))).error(403, "FORBIDDEN");
		this.reader.post("/items/articles", ApiClient.json(List.of(Map.of("title", "Sneaky")))).error(403, "FORBIDDEN");
		this.reader.patch("/items/articles/1", ApiClient.json(Map.of("title", "Changed"))).error(403, "FORBIDDEN");
		this.reader
			.patch("/items/articles", ApiClient.json(Map.of("keys", List.of(1, 2), "data", Map.of("title", "x"))))
			.error(403, "FORBIDDEN");
		this.reader.delete("/items/articles/1").error(403, "FORBIDDEN");
		this.reader.delete("/items/articles", ApiClient.json(List.of(1, 2))).error(403, "FORBIDDEN");
		this.reader
			.delete("/items/articles",
					ApiClient.json(Map.of("query", Map.of("filter", Map.of("status", Map.of("_eq", "published"))))))
			.error(403, "FORBIDDEN");

		assertThat(DemoRows.articles(this.jdbc)).isEqualTo(before);
	}

	@Test
	void readWhenEditorThenAllTwentyWithEveryField() {
		Reply reply = this.editor.get("/items/articles?limit=-1&meta=total_count");

		assertThat(reply.items()).hasSize(20)
			.allSatisfy((item) -> assertThat(item).containsKeys("id", "title", "body", "status", "author", "views",
					"published_at"));
		assertThat(reply.meta()).isEqualTo(Map.of("total_count", 20));
	}

	@Test
	void writeWhenEditorThenCreatesAndUpdatesOwnArticleOnly() {
		String me = (String) this.editor.get("/users/me?fields=id").item().get("id");

		Map<String, Object> created = this.editor
			.post("/items/articles", ApiClient.json(Map.of("title", "Mine", "author", me)))
			.item();
		int id = (Integer) created.get("id");
		assertThat(created).containsEntry("author", me).containsEntry("title", "Mine");

		assertThat(this.editor.patch("/items/articles/" + id, ApiClient.json(Map.of("title", "Mine, edited"))).item())
			.containsEntry("title", "Mine, edited");
		assertThat(title(id)).isEqualTo("Mine, edited");

		this.editor.patch("/items/articles/1", ApiClient.json(Map.of("title", "Not mine"))).error(403, "FORBIDDEN");
		this.editor.patch("/items/articles", ApiClient.json(Map.of("keys", List.of(id, 1), "data", Map.of("views", 1))))
			.error(403, "FORBIDDEN");
		assertThat(title(1)).isEqualTo("Spring Boot notes #1");
		assertThat(this.jdbc.queryForObject("SELECT views FROM articles WHERE id = ?", Integer.class, id)).isZero();
	}

	@Test
	void writeWhenEditorTakesAnArticleOverThenForbidden() {
		String me = (String) this.editor.get("/users/me").item().get("id");

		this.editor.patch("/items/articles/1", ApiClient.json(Map.of("author", me))).error(403, "FORBIDDEN");

		assertThat(this.jdbc.queryForObject("SELECT author FROM articles WHERE id = 1", Object.class)).isNull();
	}

	@Test
	void deleteWhenEditorThenForbiddenEverywhereAndNothingDeleted() {
		String me = (String) this.editor.get("/users/me").item().get("id");
		int own = (Integer) this.editor.post("/items/articles", ApiClient.json(Map.of("title", "Mine", "author", me)))
			.item()
			.get("id");

		this.editor.delete("/items/articles/" + own).error(403, "FORBIDDEN");
		this.editor.delete("/items/articles/1").error(403, "FORBIDDEN");
		this.editor.delete("/items/articles", ApiClient.json(List.of(own))).error(403, "FORBIDDEN");
		this.editor.delete("/items/articles", ApiClient.json(Map.of("query", Map.of("limit", -1))))
			.error(403, "FORBIDDEN");

		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(21);
	}

	@Test
	void readWhenAnonymousThenForbiddenUntilAPublicPermissionIsAddedAndAfterItIsRemoved() {
		this.anonymous.get("/items/articles").error(403, "FORBIDDEN");

		Map<String, Object> permission = this.admin.post("/permissions",
				ApiClient.json(Map.of("policy", PUBLIC_POLICY, "collection", "articles", "action", "read",
						"permissions", Map.of("status", Map.of("_eq", "published")), "fields", List.of("id", "title"))))
			.item();

		List<Map<String, Object>> items = this.anonymous.get("/items/articles?limit=-1").items();
		assertThat(items).hasSize(12).allSatisfy((item) -> assertThat(item).containsOnlyKeys("id", "title"));
		assertThat(items).extracting((item) -> item.get("id"))
			.containsExactlyInAnyOrderElementsOf(DemoRows.articles(this.jdbc)
				.stream()
				.filter((row) -> row.status().equals("published"))
				.map((row) -> (Object) row.id())
				.toList());
		this.anonymous.get("/items/articles?fields=status").error(403, "FORBIDDEN");
		this.anonymous.post("/items/articles", ApiClient.json(Map.of("title", "x"))).error(403, "FORBIDDEN");

		assertThat(this.admin.delete("/permissions/" + permission.get("id")).status()).isEqualTo(204);

		this.anonymous.get("/items/articles").error(403, "FORBIDDEN");
	}

	@Test
	void aggregateWhenGroupedByARelationTheCallerCannotReadThenOnlyItsKeys() {
		this.admin
			.post("/permissions", ApiClient.json(Map.of("policy", PUBLIC_POLICY, "collection", "comments", "action",
					"read", "fields", List.of("*"))))
			.item();
		this.anonymous.get("/items/articles").error(403, "FORBIDDEN");

		Reply reply = this.anonymous.get("/items/comments?aggregate[count]=*&groupBy[]=article");

		assertThat(reply.items()).containsExactly(Map.of("article", 1, "count", 2), Map.of("article", 2, "count", 1));
		assertThat(reply.body()).doesNotContain("title").doesNotContain("Spring Boot");
		this.anonymous.get("/items/comments?aggregate[count]=*&groupBy[]=article.title").error(403, "FORBIDDEN");
	}

	@Test
	void sortWhenReaderSortsCommentsByTheirArticleThenByVisibleKeysAndTitles() {
		Object permission = this.admin
			.post("/permissions",
					ApiClient.json(Map.of("policy", readerPolicy(), "collection", "comments", "action", "read",
							"fields", List.of("id", "body", "article"))))
			.item()
			.get("id");
		this.jdbc.update("UPDATE articles SET status = 'draft' WHERE id = 1");
		try {
			// the Reader may no longer read article 1: its title sorts as null, while
			// its key still shows
			assertThat(this.reader.get("/items/comments?fields=id&sort=article.title,-id").items())
				.extracting((item) -> item.get("id"))
				.containsExactly(3, 2, 1);
			assertThat(this.reader.get("/items/comments?fields=id&sort=-article,id").items())
				.extracting((item) -> item.get("id"))
				.containsExactly(3, 1, 2);
			Map<String, Object> hidden = new java.util.LinkedHashMap<>();
			hidden.put("article.title", null);
			hidden.put("count", 2);
			assertThat(this.reader.get("/items/comments?aggregate[count]=*&groupBy[]=article.title").items())
				.containsExactly(Map.of("article.title", "Directus notes #2", "count", 1), hidden);
		}
		finally {
			this.jdbc.update("UPDATE articles SET status = 'published' WHERE id = 1");
			assertThat(this.admin.delete("/permissions/" + permission).status()).isEqualTo(204);
		}
	}

	@Test
	void readWhenReadersPermissionGainsBodyThenSameTokenSeesItOnNextRequest() {
		String token = this.reader.bearer();
		this.reader.get("/items/articles?fields=id,body").error(403, "FORBIDDEN");

		this.admin
			.patch("/permissions/" + readerReadPermission(),
					ApiClient.json(Map.of("fields", List.of("id", "title", "status", "published_at", "body"))))
			.item();

		List<Map<String, Object>> items = this.reader.get("/items/articles?fields=id,body&limit=-1").items();
		assertThat(this.reader.bearer()).isEqualTo(token);
		assertThat(items).hasSize(12).allSatisfy((item) -> assertThat(item.get("body")).isNotNull());
	}

	/** The id of the demo Reader's read permission, found through the admin API. */
	private String readerReadPermission() {
		String policy = readerPolicy();
		List<Map<String, Object>> reads = this.admin
			.get("/permissions?filter[policy][_eq]=" + policy
					+ "&filter[collection][_eq]=articles&filter[action][_eq]=read&fields=id")
			.items();
		assertThat(reads).hasSize(1);
		return String.valueOf(reads.get(0).get("id"));
	}

	/** The demo Reader's policy, found through the admin API. */
	private String readerPolicy() {
		String role = String
			.valueOf(this.admin.get("/roles?filter[name][_eq]=Reader&fields=id").items().get(0).get("id"));
		return String.valueOf(
				this.admin.get("/access?filter[role][_eq]=" + role + "&fields=policy").items().get(0).get("policy"));
	}

	private String title(int id) {
		return this.jdbc.queryForObject("SELECT title FROM articles WHERE id = ?", String.class, id);
	}

}
