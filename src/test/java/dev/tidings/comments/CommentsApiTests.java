package dev.tidings.comments;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments on items through {@code /comments} as the SDK's {@code createComment},
 * {@code readComments}, {@code updateComment} and {@code deleteComment} send them, and
 * live over the socket: authors and dates come from the server, permissions apply as to
 * any collection, and nobody comments on an item it cannot read.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:comments-api-tests;DB_CLOSE_DELAY=-1", "tidings.websockets.enabled=true" })
class CommentsApiTests {

	private final int port;

	private final ApiClient admin;

	CommentsApiTests(@LocalServerPort int port) {
		this.port = port;
		this.admin = new ApiClient(port).asAdmin();
	}

	@Test
	void createWhenAdminCommentsAnArticleThenTheServerSignsAndDatesIt() {
		String adminId = (String) this.admin.get("/users/me?fields=id").item().get("id");
		String editorId = (String) new ApiClient(this.port).as("editor@example.com", "editor-password-123")
			.get("/users/me?fields=id")
			.item()
			.get("id");

		Map<String, Object> created = this.admin
			.post("/comments",
					json(Map.of("collection", "articles", "item", "1", "comment", "Needs a source.", "user_created",
							editorId)))
			.item();

		assertThat(created).containsEntry("collection", "articles")
			.containsEntry("item", "1")
			.containsEntry("comment", "Needs a source.")
			.containsEntry("user_created", adminId)
			.containsEntry("date_updated", null);
		assertThat(created.get("date_created")).isInstanceOf(String.class);
		List<Map<String, Object>> onArticle = this.admin
			.get("/comments?filter[collection][_eq]=articles&filter[item][_eq]=1&fields=comment,user_created.email")
			.items();
		assertThat(onArticle)
			.contains(Map.of("comment", "Needs a source.", "user_created", Map.of("email", ApiClient.ADMIN_EMAIL)));

		Map<String, Object> updated = this.admin
			.patch("/comments/" + created.get("id"), json(Map.of("comment", "Needs two sources.")))
			.item();
		assertThat(updated).containsEntry("comment", "Needs two sources.").containsEntry("user_updated", adminId);
		assertThat(updated.get("date_updated")).isInstanceOf(String.class);
		assertThat(this.admin.delete("/comments/" + created.get("id")).status()).isEqualTo(204);
		this.admin.get("/comments/" + created.get("id")).error(403, "FORBIDDEN");
	}

	@Test
	void createWhenEditorMayCommentThenItsOwnNameAndReaderIsForbidden() {
		ApiClient editor = new ApiClient(this.port).as("editor@example.com", "editor-password-123");
		ApiClient reader = new ApiClient(this.port).as("reader@example.com", "reader-password-123");
		String editorId = (String) editor.get("/users/me?fields=id").item().get("id");

		Map<String, Object> created = editor
			.post("/comments", json(Map.of("collection", "articles", "item", 2, "comment", "Agreed.")))
			.item();

		assertThat(created).containsEntry("user_created", editorId).containsEntry("item", "2");
		reader.post("/comments", json(Map.of("collection", "articles", "item", "1", "comment", "Me too")))
			.error(403, "FORBIDDEN");
		reader.get("/comments").error(403, "FORBIDDEN");
		assertThat(editor.get("/comments?filter[id][_eq]=" + created.get("id")).items()).hasSize(1);
	}

	@Test
	void createWhenTheItemIsHiddenFromTheAuthorThenForbiddenAndNothingStored() {
		String draft = String
			.valueOf(this.admin.post("/items/articles", json(Map.of("title", "Unannounced", "status", "draft")))
				.item()
				.get("id"));
		Commenter author = commenterWhoReadsPublishedArticles();
		ApiClient commenter = author.client();

		commenter.post("/comments", json(Map.of("collection", "articles", "item", draft, "comment", "Leaked?")))
			.error(403, "FORBIDDEN");
		commenter.post("/comments", json(Map.of("collection", "articles", "item", "999999", "comment", "Ghost")))
			.error(403, "FORBIDDEN");
		commenter.post("/comments", json(Map.of("collection", "nowhere", "item", "1", "comment", "Lost")))
			.error(400, "INVALID_PAYLOAD");
		assertThat(this.admin.get("/comments?filter[item][_in]=" + draft + ",999999").items()).isEmpty();
		Map<String, Object> allowed = commenter
			.post("/comments", json(Map.of("collection", "articles", "item", "1", "comment", "On a published one")))
			.item();
		this.admin.post("/permissions", json(Map.of("policy", author.policy(), "collection", "directus_comments",
				"action", "update", "fields", List.of("*"))));
		commenter.patch("/comments/" + allowed.get("id"), json(Map.of("item", draft))).error(403, "FORBIDDEN");
		assertThat(this.admin.get("/comments/" + allowed.get("id")).item()).containsEntry("item", "1");
	}

	@Test
	void createWhenMalformedThenAClearError() {
		this.admin.post("/comments", json(Map.of("collection", "articles", "item", "1")))
			.error(400, "FAILED_VALIDATION");
		this.admin.post("/comments", "[1,2]").error(400, "INVALID_PAYLOAD");
		this.admin.post("/comments", "{\"comment\":").error(400, "INVALID_PAYLOAD");
		this.admin.post("/comments", json(Map.of("collection", List.of("articles"), "item", "1", "comment", "x")))
			.error(400, "INVALID_PAYLOAD");
	}

	@Test
	void subscribeWhenACommentIsLeftThenTheSubscriberSeesItLive() {
		try (SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "directus_comments", "uid",
					"talk", "query", Map.of("fields", List.of("comment", "item"), "limit", 1)));
			assertThat(init).containsEntry("event", "init");

			this.admin.post("/comments", json(Map.of("collection", "articles", "item", "3", "comment", "Live one")));

			Map<String, Object> push = client.next();
			assertThat(push).containsEntry("event", "create").containsEntry("uid", "talk");
			assertThat(push.get("data")).isEqualTo(List.of(Map.of("comment", "Live one", "item", "3")));
		}
	}

	/**
	 * A user whose policy may create and read comments but reads only published articles.
	 */
	private Commenter commenterWhoReadsPublishedArticles() {
		String policy = id(this.admin.post("/policies", json(Map.of("name", "Commenters " + UUID.randomUUID()))));
		this.admin.post("/permissions", json(List.of(
				Map.of("policy", policy, "collection", "articles", "action", "read", "fields", List.of("*"),
						"permissions", Map.of("status", Map.of("_eq", "published"))),
				Map.of("policy", policy, "collection", "directus_comments", "action", "create", "fields", List.of("*")),
				Map.of("policy", policy, "collection", "directus_comments", "action", "read", "fields",
						List.of("*")))));
		String role = id(this.admin.post("/roles", json(Map.of("name", "Commenter " + UUID.randomUUID()))));
		this.admin.post("/access", json(Map.of("role", role, "policy", policy)));
		String email = "commenter-" + UUID.randomUUID() + "@example.com";
		this.admin.post("/users", json(Map.of("email", email, "password", "commenter-password-1", "role", role)));
		return new Commenter(new ApiClient(this.port).as(email, "commenter-password-1"), policy);
	}

	private record Commenter(ApiClient client, String policy) {
	}

	private static String id(dev.tidings.rest.Reply reply) {
		return String.valueOf(reply.item().get("id"));
	}

}
