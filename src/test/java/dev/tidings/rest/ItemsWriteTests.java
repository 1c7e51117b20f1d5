package dev.tidings.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates, updates and deletes through the items API over real HTTP, checking both the
 * answer and what the database holds afterwards.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:items-write-tests;DB_CLOSE_DELAY=-1")
class ItemsWriteTests {

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ItemsWriteTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@BeforeEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
	}

	@Test
	void createOneThenItemReadBackWithUrlFieldsAndDefaultsApplied() {
		Reply reply = this.api.post("/items/articles?fields=id,title,status,views,published_at,author",
				"{\"title\":\"Fresh\",\"published_at\":\"2024-05-01T10:20:30Z\"}");

		assertThat(reply.object()).containsOnlyKeys("data");
		Map<String, Object> item = reply.item();
		assertThat(item).containsOnlyKeys("id", "title", "status", "views", "published_at", "author")
			.containsEntry("title", "Fresh")
			.containsEntry("status", "draft")
			.containsEntry("views", 0)
			.containsEntry("author", null)
			.containsEntry("published_at", "2024-05-01T10:20:30.000Z");
		Map<String, Object> row = this.jdbc.queryForMap("SELECT title, status, views FROM articles WHERE id = ?",
				item.get("id"));
		assertThat(row).containsEntry("TITLE", "Fresh").containsEntry("STATUS", "draft").containsEntry("VIEWS", 0);
	}

	@Test
	void createWhenTimestampHasAnOffsetOrMillisecondsThenStoredAndWrittenAsUtc() {
		assertThat(this.api
			.post("/items/articles?fields=published_at",
					"{\"title\":\"t\",\"published_at\":\"2024-05-01T12:20:30.000+02:00\"}")
			.item()).isEqualTo(Map.of("published_at", "2024-05-01T10:20:30.000Z"));
		assertThat(this.api
			.post("/items/articles?fields=published_at",
					"{\"title\":\"t\",\"published_at\":\"2024-05-01T10:20:30.123Z\"}")
			.item()).isEqualTo(Map.of("published_at", "2024-05-01T10:20:30.123Z"));
		String author = this.jdbc
			.queryForObject("SELECT id FROM tidings_users WHERE email = 'editor@example.com'", UUID.class)
			.toString();
		assertThat(this.api.post("/items/articles?fields=author", "{\"title\":\"t\",\"author\":\"" + author + "\"}")
			.item()).isEqualTo(Map.of("author", author));
		this.api.post("/items/articles", "{\"title\":\"t\",\"author\":\"" + UUID.randomUUID() + "\"}")
			.error(400, "INVALID_FOREIGN_KEY");
	}

	@Test
	void createArrayThenItemsReadBackInOrder() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply reply = this.api.post("/items/articles?fields=id,title,views",
				"[{\"title\":\"One\"},{\"title\":\"Two\",\"views\":7}]");

		List<Map<String, Object>> items = reply.items();
		assertThat(items).extracting((item) -> item.get("title")).containsExactly("One", "Two");
		assertThat(items).extracting((item) -> item.get("views")).containsExactly(0, 7);
		assertThat((Integer) items.get(1).get("id")).isGreaterThan((Integer) items.get(0).get("id"));
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before + 2);
	}

	@Test
	void createWhenKeyGivenThenInsertedWithItAndLaterItemsStillGetGeneratedKeys() {
		Map<String, Object> given = this.api
			.post("/items/articles?fields=id,title", "{\"id\":5000,\"title\":\"Given\"}")
			.item();
		Map<String, Object> generated = this.api.post("/items/articles?fields=id", "{\"title\":\"Generated\"}").item();

		assertThat(given).isEqualTo(Map.of("id", 5000, "title", "Given"));
		assertThat(this.api.get("/items/articles/5000?fields=title").item()).isEqualTo(Map.of("title", "Given"));
		assertThat(generated.get("id")).isNotEqualTo(5000);
		assertThat(
				this.jdbc.queryForObject("SELECT title FROM articles WHERE id = ?", String.class, generated.get("id")))
			.isEqualTo("Generated");
	}

	@Test
	void createWhenNestedItemHasAKeyNotStoredYetThenCreatedWithIt() {
		Map<String, Object> comment = this.api
			.post("/items/comments?fields=article.id,article.title",
					"{\"body\":\"Nested\",\"article\":{\"id\":6000,\"title\":\"Nested article\"}}")
			.item();

		assertThat(comment).isEqualTo(Map.of("article", Map.of("id", 6000, "title", "Nested article")));
		assertThat(this.jdbc.queryForObject("SELECT title FROM articles WHERE id = 6000", String.class))
			.isEqualTo("Nested article");
	}

	@Test
	void createWhenFieldsHaveNoDefaultThenWithoutIdTheyAreNotReadBack() {
		Map<String, Object> item = this.api.post("/items/articles?fields=title", "{\"title\":\"Only title\"}").item();

		assertThat(item).isEqualTo(Map.of("title", "Only title"));
	}

	@Test
	void createCommentThenRelationReadBackByKeyOrExpanded() {
		Map<String, Object> comment = this.api
			.post("/items/comments?fields=id,article,body,date_created", "{\"article\":2,\"body\":\"Nice\"}")
			.item();

		assertThat(comment).containsEntry("article", 2).containsEntry("body", "Nice");
		assertThat((String) comment.get("date_created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(this.api.get("/items/comments/" + comment.get("id") + "?fields=article.id").item())
			.isEqualTo(Map.of("article", Map.of("id", 2)));
	}

	@Test
	void updateOneThenOnlyGivenFieldsChange() {
		Map<String, Object> created = createArticle("Before", "draft");

		Reply reply = this.api.patch("/items/articles/" + created.get("id") + "?fields=id,title,status,views",
				"{\"status\":\"published\",\"views\":3}");

		assertThat(reply.item())
			.isEqualTo(Map.of("id", created.get("id"), "title", "Before", "status", "published", "views", 3));
		assertThat(this.jdbc.queryForMap("SELECT title, status, views FROM articles WHERE id = ?", created.get("id")))
			.containsEntry("TITLE", "Before")
			.containsEntry("STATUS", "published")
			.containsEntry("VIEWS", 3);
	}

	@Test
	void updateOneWhenFieldSetToNullThenNullStored() {
		Map<String, Object> created = this.api
			.post("/items/articles?fields=id", "{\"title\":\"t\",\"published_at\":\"2024-01-01T00:00:00Z\"}")
			.item();

		assertThat(this.api
			.patch("/items/articles/" + created.get("id") + "?fields=published_at", "{\"published_at\":null}")
			.item()).containsEntry("published_at", null);
	}

	@Test
	void updateByKeysThenEveryKeyUpdatedAndReadBack() {
		Object first = createArticle("k1", "draft").get("id");
		Object second = createArticle("k2", "draft").get("id");
		Object untouched = createArticle("k3", "draft").get("id");

		Reply reply = this.api.patch("/items/articles?fields=id,status",
				"{\"keys\":[" + first + "," + second + "],\"data\":{\"status\":\"archived\"}}");

		assertThat(reply.items()).containsExactlyInAnyOrder(Map.of("id", first, "status", "archived"),
				Map.of("id", second, "status", "archived"));
		assertThat(statusOf(untouched)).isEqualTo("draft");
	}

	@Test
	void updateByQueryThenEveryMatchEvenBeyondTheDefaultLimit() {
		String marker = "bulk-" + UUID.randomUUID();
		List<Map<String, Object>> payload = new ArrayList<>();
		IntStream.range(0, 120).forEach((i) -> payload.add(Map.of("title", marker + "-" + i)));
		assertThat(this.api.post("/items/articles?fields=id", ApiClient.json(payload)).items()).hasSize(120);

		Reply reply = this.api.patch("/items/articles?fields=id,views",
				"{\"query\":{\"filter\":{\"title\":{\"_starts_with\":\"" + marker + "\"}}},\"data\":{\"views\":7}}");

		assertThat(reply.items()).hasSize(120).allSatisfy((item) -> assertThat(item).containsEntry("views", 7));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE title LIKE ? AND views = 7",
				Integer.class, marker + "%"))
			.isEqualTo(120);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE views = 7", Integer.class))
			.as("nothing else matched")
			.isEqualTo(120);
	}

	@Test
	void updateByQueryWhenQueryHasALimitThenOnlyThatMany() {
		String marker = "capped-" + UUID.randomUUID();
		this.api.post("/items/articles", "[{\"title\":\"" + marker + "1\"},{\"title\":\"" + marker + "2\"},"
				+ "{\"title\":\"" + marker + "3\"}]");

		Reply reply = this.api.patch("/items/articles?fields=id",
				"{\"query\":{\"filter\":{\"title\":{\"_starts_with\":\"" + marker
						+ "\"}},\"limit\":2,\"sort\":[\"id\"]},\"data\":{\"views\":5}}");

		assertThat(reply.items()).hasSize(2);
		assertThat(this.jdbc.queryForList("SELECT views FROM articles WHERE title LIKE ? ORDER BY id", Integer.class,
				marker + "%"))
			.containsExactly(5, 5, 0);
	}

	@Test
	void updateBatchThenEachItemGetsItsOwnData() {
		Object first = createArticle("b1", "draft").get("id");
		Object second = createArticle("b2", "draft").get("id");

		Reply reply = this.api.patch("/items/articles?fields=id,title,views",
				"[{\"id\":" + first + ",\"views\":1},{\"id\":" + second + ",\"title\":\"b2 renamed\",\"views\":2}]");

		assertThat(reply.items()).containsExactly(Map.of("id", first, "title", "b1", "views", 1),
				Map.of("id", second, "title", "b2 renamed", "views", 2));
	}

	@Test
	void updateBatchWhenAnItemMissesItsKeyThenInvalidPayloadAndNothingUpdated() {
		Object first = createArticle("m1", "draft").get("id");

		Reply reply = this.api.patch("/items/articles", "[{\"id\":" + first + ",\"views\":1},{\"views\":2}]");

		assertThat(reply.error(400, "INVALID_PAYLOAD"))
			.isEqualTo(Map.of("message", "Invalid payload. Item in update misses primary key.", "extensions",
					Map.of("reason", "Item in update misses primary key", "code", "INVALID_PAYLOAD")));
		assertThat(this.jdbc.queryForObject("SELECT views FROM articles WHERE id = ?", Integer.class, first)).isZero();
	}

	@Test
	void updateBatchWhenALaterItemFailsThenEarlierOnesRolledBack() {
		Object first = createArticle("r1", "draft").get("id");
		Object second = createArticle("r2", "draft").get("id");

		Reply reply = this.api.patch("/items/articles",
				"[{\"id\":" + first + ",\"views\":1},{\"id\":" + second + ",\"status\":\"bogus\"}]");

		reply.error(400, "FAILED_VALIDATION");
		assertThat(this.jdbc.queryForObject("SELECT views FROM articles WHERE id = ?", Integer.class, first)).isZero();
	}

	@Test
	void updateWhenBothKeysAndQueryThenInvalidPayload() {
		Object id = createArticle("kq", "draft").get("id");

		Reply reply = this.api.patch("/items/articles",
				"{\"keys\":[" + id + "],\"query\":{\"filter\":{}},\"data\":{\"views\":9}}");

		reply.error(400, "INVALID_PAYLOAD");
		assertThat(this.api.patch("/items/articles", "{\"data\":{\"views\":9}}").reason(400, "INVALID_PAYLOAD"))
			.contains("keys", "query");
		assertThat(this.api.patch("/items/articles", "{\"keys\":[" + id + "]}").reason(400, "INVALID_PAYLOAD"))
			.contains("data");
		assertThat(this.jdbc.queryForObject("SELECT views FROM articles WHERE id = ?", Integer.class, id)).isZero();
	}

	@Test
	void updateWhenPrimaryKeyChangesThenInvalidPayloadAndRowUnchanged() {
		Object id = createArticle("pk", "draft").get("id");

		Reply reply = this.api.patch("/items/articles/" + id, "{\"id\":999999,\"title\":\"moved\"}");

		reply.error(400, "INVALID_PAYLOAD");
		assertThat(this.jdbc.queryForObject("SELECT title FROM articles WHERE id = ?", String.class, id))
			.isEqualTo("pk");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE id = 999999", Integer.class)).isZero();
		assertThat(
				this.api.patch("/items/articles/" + id + "?fields=id,title", "{\"id\":" + id + ",\"title\":\"same\"}")
					.item())
			.as("the same key is no change")
			.isEqualTo(Map.of("id", id, "title", "same"));
	}

	@Test
	void updateWhenItemMissingThenNoContentAndNothingCreated() {
		int before = DemoRows.count(this.jdbc, "articles");

		Reply reply = this.api.patch("/items/articles/99999", "{\"views\":1}");

		assertThat(reply.status()).isEqualTo(204);
		assertThat(reply.body()).isEmpty();
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(before);
	}

	@Test
	void deleteOneThenNoContentAndGone() {
		Object id = createArticle("gone", "draft").get("id");

		Reply reply = this.api.delete("/items/articles/" + id);

		assertThat(reply.status()).isEqualTo(204);
		assertThat(reply.body()).isEmpty();
		this.api.get("/items/articles/" + id).error(403, "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE id = ?", Integer.class, id)).isZero();
	}

	@Test
	void deleteManyByArrayKeysObjectOrQueryThenNoContentAndGone() {
		Object a = createArticle("d-a", "draft").get("id");
		Object b = createArticle("d-b", "draft").get("id");
		Object c = createArticle("d-c", "draft").get("id");
		String marker = "d-q-" + UUID.randomUUID();
		createArticle(marker + "1", "archived");
		createArticle(marker + "2", "archived");
		Object kept = createArticle("d-kept", "archived").get("id");

		assertThat(this.api.delete("/items/articles", "[" + a + "]").status()).isEqualTo(204);
		assertThat(this.api.delete("/items/articles", "{\"keys\":[" + b + "," + c + "]}").status()).isEqualTo(204);
		assertThat(this.api
			.delete("/items/articles", "{\"query\":{\"filter\":{\"title\":{\"_starts_with\":\"" + marker + "\"}}}}")
			.status()).isEqualTo(204);

		assertThat(
				this.jdbc.queryForList("SELECT id FROM articles WHERE id > ?", Object.class, DemoRows.SEEDED_ARTICLES))
			.containsExactly(kept);
	}

	@Test
	void deleteWhenArticleHasCommentsThenInvalidForeignKeyAndNothingDeleted() {
		Object lonely = createArticle("no comments", "draft").get("id");
		int articles = DemoRows.count(this.jdbc, "articles");
		int comments = DemoRows.count(this.jdbc, "comments");

		Reply one = this.api.delete("/items/articles/1");
		Reply batch = this.api.delete("/items/articles", "[" + lonely + ",1]");

		assertThat(Reply.extensions(one.error(400, "INVALID_FOREIGN_KEY"))).containsEntry("collection", "articles");
		batch.error(400, "INVALID_FOREIGN_KEY");
		assertThat(DemoRows.count(this.jdbc, "articles")).isEqualTo(articles);
		assertThat(DemoRows.count(this.jdbc, "comments")).isEqualTo(comments);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE id = ?", Integer.class, lonely))
			.as("the batch is one transaction")
			.isOne();
	}

	private Map<String, Object> createArticle(String title, String status) {
		Map<String, Object> payload = new HashMap<>();
		payload.put("title", title);
		payload.put("status", status);
		return this.api.post("/items/articles?fields=id", ApiClient.json(payload)).item();
	}

	private String statusOf(Object id) {
		return this.jdbc.queryForObject("SELECT status FROM articles WHERE id = ?", String.class, id);
	}

}
