package dev.tidings.rest;

import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.realtime.SocketClient;
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
 * The demo roles' comment permissions, the same as the Directus peer's: the Editor reads
 * and creates comments, every field and no rule; the Reader reads three fields of the
 * comments on published articles. Seeded comments 1 and 2 are on article 1, comment 3 on
 * article 2, both published.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo-comment-permissions;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class DemoCommentPermissionsTests {

	private final int port;

	private final ApiClient reader;

	private final ApiClient editor;

	private final JdbcTemplate jdbc;

	DemoCommentPermissionsTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.reader = new ApiClient(port).as(PermissionEnforcementApiTests.READER_EMAIL,
				PermissionEnforcementApiTests.READER_PASSWORD);
		this.editor = new ApiClient(port).as(PermissionEnforcementApiTests.EDITOR_EMAIL,
				PermissionEnforcementApiTests.EDITOR_PASSWORD);
		this.jdbc = jdbc;
	}

	@BeforeEach
	@AfterEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
		this.jdbc.update("UPDATE articles SET status = 'published' WHERE id = 2");
	}

	@Test
	void readWhenReaderThenThreeFieldsOfCommentsOnPublishedArticlesOnly() {
		assertThat(this.reader.get("/items/comments?sort=id").items()).extracting((row) -> row.get("id"))
			.containsExactly(1, 2, 3);
		assertThat(this.reader.get("/items/comments/1").item()).containsOnlyKeys("id", "body", "date_created");

		this.jdbc.update("UPDATE articles SET status = 'draft' WHERE id = 2");

		assertThat(this.reader.get("/items/comments?sort=id").items()).extracting((row) -> row.get("id"))
			.containsExactly(1, 2);
		this.reader.get("/items/comments/3").error(403, "FORBIDDEN");
		this.reader.get("/items/comments?fields=id,article").error(403, "FORBIDDEN");
		this.reader.get("/items/comments?fields=id,user").error(403, "FORBIDDEN");
	}

	@Test
	void writeWhenReaderThenForbiddenAndNothingWritten() {
		this.reader.post("/items/comments", ApiClient.json(Map.of("article", 1, "body", "Me too")))
			.error(403, "FORBIDDEN");

		assertThat(DemoRows.count(this.jdbc, "comments")).isEqualTo(DemoRows.SEEDED_COMMENTS);
	}

	@Test
	void writeWhenEditorThenReadsEveryFieldAndCreatesButNeitherUpdatesNorDeletes() {
		assertThat(this.editor.get("/items/comments/3").item()).containsOnlyKeys("id", "article", "body", "user",
				"date_created");

		Map<String, Object> created = this.editor
			.post("/items/comments", ApiClient.json(Map.of("article", 2, "body", "Well put")))
			.item();

		assertThat(created).containsEntry("article", 2).containsEntry("body", "Well put");
		assertThat(DemoRows.count(this.jdbc, "comments")).isEqualTo(DemoRows.SEEDED_COMMENTS + 1);
		this.editor.patch("/items/comments/3", ApiClient.json(Map.of("body", "Changed"))).error(403, "FORBIDDEN");
		this.editor.delete("/items/comments/3").error(403, "FORBIDDEN");
	}

	@Test
	void createWhenEditorNestsCommentsThenCreatedButDroppingThemNeedsDeleteOnComments() {
		Object me = this.editor.get("/users/me?fields=id").item().get("id");
		Map<String, Object> article = this.editor
			.post("/items/articles?fields=id,comments.body", ApiClient.json(Map.of("title", "With comments", "author",
					me, "comments", List.of(Map.of("body", "First!"), Map.of("body", "Second")))))
			.item();
		assertThat(article.get("comments")).isEqualTo(List.of(Map.of("body", "First!"), Map.of("body", "Second")));

		// the Editor may update its own article, but a comment's article may not be
		// null: a comment the article drops is deleted, which the Editor may not do
		assertThat(
				this.editor.patch("/items/articles/" + article.get("id"), ApiClient.json(Map.of("comments", List.of())))
					.reason(403, "FORBIDDEN"))
			.contains("\"comments\"");
		this.editor.patch("/items/articles/" + article.get("id"), ApiClient.json(Map.of("title", "Renamed"))).item();

		assertThat(DemoRows.count(this.jdbc, "comments")).isEqualTo(DemoRows.SEEDED_COMMENTS + 2);
	}

	@Test
	void subscribeWhenReaderThenPushedOnlyCommentsOnPublishedArticlesWithThreeFields() {
		this.jdbc.update("UPDATE articles SET status = 'draft' WHERE id = 2");
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + this.reader.bearer())) {
			Map<String, Object> init = socket.ask(Map.of("type", "subscribe", "collection", "comments", "uid", "c",
					"query", Map.of("sort", List.of("id"))));
			assertThat(rows(init)).extracting((row) -> row.get("id")).containsExactly(1, 2);

			this.editor.post("/items/comments", ApiClient.json(Map.of("article", 2, "body", "On a draft")));
			Object marker = this.editor
				.post("/items/comments", ApiClient.json(Map.of("article", 1, "body", "On a published one")))
				.item()
				.get("id");

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "create");
			assertThat(rows(push)).singleElement()
				.satisfies((row) -> assertThat(row).containsOnlyKeys("id", "body", "date_created")
					.containsEntry("id", marker)
					.containsEntry("body", "On a published one"));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> message) {
		assertThat(message).containsEntry("type", "subscription");
		return (List<Map<String, Object>>) message.get("data");
	}

}
