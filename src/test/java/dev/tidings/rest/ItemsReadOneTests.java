package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.rest.DemoRows.Article;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of single items over real HTTP: the {@code data} envelope, what {@code fields}
 * selects ({@code *}, {@code *.*}, paths into relations) and the 403 Directus answers for
 * anything that does not exist, never a 404. These tests only read the seed.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:items-read-one-tests;DB_CLOSE_DELAY=-1")
class ItemsReadOneTests {

	private static final String FORBIDDEN_ITEM = "{\"errors\":[{\"message\":\"You don't have permission to access this.\","
			+ "\"extensions\":{\"code\":\"FORBIDDEN\"}}]}";

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ItemsReadOneTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@Test
	void readWhenFieldsIsStarThenEveryFieldWithOneToManyAsKeys() {
		Article seed = DemoRows.articles(this.jdbc).get(1);
		List<Integer> commentIds = this.jdbc.queryForList("SELECT id FROM comments WHERE article = ? ORDER BY id",
				Integer.class, seed.id());

		Map<String, Object> item = this.api.get("/items/articles/" + seed.id() + "?fields=*").item();

		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("id", seed.id());
		expected.put("title", seed.title());
		expected.put("body", seed.body());
		expected.put("status", seed.status());
		expected.put("author", null);
		expected.put("views", seed.views());
		expected.put("published_at", DemoRows.wire(seed.publishedAt()));
		expected.put("image", null);
		expected.put("comments", commentIds);
		assertThat(item).isEqualTo(expected);
		assertThat(this.api.get("/items/articles/" + seed.id()).item()).as("no fields means *").isEqualTo(expected);
	}

	@Test
	@SuppressWarnings("unchecked")
	void readWhenFieldsIsStarDotStarThenEveryFieldAndRelationsExpanded() {
		Map<String, Object> article = this.api.get("/items/articles/1?fields=*.*").item();

		assertThat(article).containsOnlyKeys("id", "title", "body", "status", "author", "views", "published_at",
				"image", "comments");
		assertThat(article).containsEntry("id", 1).containsEntry("title", DemoRows.articles(this.jdbc).get(0).title());
		List<Map<String, Object>> comments = (List<Map<String, Object>>) article.get("comments");
		assertThat(comments).isNotEmpty()
			.allSatisfy(
					(comment) -> assertThat(comment).containsOnlyKeys("id", "article", "body", "user", "date_created")
						.containsEntry("article", 1));

		Map<String, Object> comment = this.api.get("/items/comments/1?fields=*.*").item();
		assertThat(comment).containsOnlyKeys("id", "article", "body", "user", "date_created");
		assertThat((Map<String, Object>) comment.get("article")).containsEntry("id", 1).containsKey("comments");
	}

	@Test
	void readWhenFieldsNameRelatedFieldsThenOnlyThoseAreNested() {
		List<String> bodies = this.jdbc.queryForList("SELECT body FROM comments WHERE article = 1 ORDER BY id",
				String.class);

		Map<String, Object> article = this.api.get("/items/articles/1?fields=comments.body").item();

		assertThat(article).isEqualTo(Map.of("comments", bodies.stream().map((body) -> Map.of("body", body)).toList()));

		List<Map<String, Object>> comments = this.api.get("/items/comments?fields=id,article.title").items();
		List<Map<String, Object>> expected = this.jdbc.query(
				"SELECT c.id, a.title FROM comments c JOIN articles a ON a.id = c.article ORDER BY c.id",
				(rs, row) -> Map.of("id", rs.getInt(1), "article", Map.of("title", rs.getString(2))));
		assertThat(comments).isEqualTo(expected);
	}

	@Test
	void readWhenFieldIsUnknownThenForbiddenNamingIt() {
		Reply reply = this.api.get("/items/articles?fields=id,nope");

		Map<String, Object> error = reply.error(403, "FORBIDDEN");
		String reason = "You don't have permission to access field \"nope\" in collection \"articles\" or it does not exist. Queried in root.";
		assertThat(error)
			.isEqualTo(Map.of("message", reason, "extensions", Map.of("reason", reason, "code", "FORBIDDEN")));
	}

	@Test
	void readWhenDottedPathIntoPlainFieldThenSilentlyDropped() {
		assertThat(this.api.get("/items/articles/1?fields=id,title.x").item()).isEqualTo(Map.of("id", 1));
	}

	@Test
	void readOneWhenItemExistsThenDataObject() {
		Article seed = DemoRows.articles(this.jdbc).get(4);

		Reply reply = this.api.get("/items/articles/" + seed.id() + "?fields=id,title,status,views,published_at");

		assertThat(reply.object()).containsOnlyKeys("data");
		assertThat(reply.item()).isEqualTo(Map.of("id", seed.id(), "title", seed.title(), "status", seed.status(),
				"views", seed.views(), "published_at", DemoRows.wire(seed.publishedAt())));
	}

	@Test
	void readOneWhenItemMissingThenForbiddenWithoutReason() {
		Reply reply = this.api.get("/items/articles/99999");

		reply.error(403, "FORBIDDEN");
		assertThat(reply.object()).isEqualTo(ApiClient.parse(FORBIDDEN_ITEM));
	}

	@Test
	void readOneWhenKeyIsNotAnIntegerThenForbiddenWithoutReason() {
		Reply reply = this.api.get("/items/articles/abc");

		reply.error(403, "FORBIDDEN");
		assertThat(reply.object()).isEqualTo(ApiClient.parse(FORBIDDEN_ITEM));
		assertThat(this.api.get("/items/articles/1.5").object()).isEqualTo(ApiClient.parse(FORBIDDEN_ITEM));
	}

	@Test
	void readWhenCollectionUnknownThenForbiddenNeverNotFound() {
		String reason = "You don't have permission to access collection \"nope\" or it does not exist. Queried in root.";
		Map<String, Object> expected = Map.of("message", reason, "extensions",
				Map.of("reason", reason, "code", "FORBIDDEN"));

		assertThat(this.api.get("/items/nope").error(403, "FORBIDDEN")).isEqualTo(expected);
		assertThat(this.api.get("/items/nope/1").error(403, "FORBIDDEN")).isEqualTo(expected);
		assertThat(this.api.post("/items/nope", "{}").error(403, "FORBIDDEN")).isEqualTo(expected);
		assertThat(this.api.delete("/items/nope/1").error(403, "FORBIDDEN")).isEqualTo(expected);
	}

}
