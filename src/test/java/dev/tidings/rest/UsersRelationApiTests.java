package dev.tidings.rest;

import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.realtime.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code articles.author}, a many-to-one to {@code directus_users}: written
 * and pushed as the user's key, expanded and filtered for whoever may read users (the
 * administrator), a key for the Editor, who may not, exactly as any unreadable relation.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:users-relation-api-tests;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class UsersRelationApiTests {

	private final int port;

	private final ApiClient admin;

	private final ApiClient editor;

	private final JdbcTemplate jdbc;

	private String editorId;

	UsersRelationApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.admin = new ApiClient(port).asAdmin();
		this.editor = new ApiClient(port).as(PermissionEnforcementApiTests.EDITOR_EMAIL,
				PermissionEnforcementApiTests.EDITOR_PASSWORD);
		this.jdbc = jdbc;
	}

	@BeforeEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
		this.editorId = (String) this.editor.get("/users/me?fields=id").item().get("id");
	}

	@Test
	void readWhenCallerMayReadUsersThenAuthorExpandsAndFilters() {
		int own = (Integer) this.editor
			.post("/items/articles?fields=id,author", ApiClient.json(Map.of("title", "Mine", "author", this.editorId)))
			.item()
			.get("id");

		assertThat(this.admin.get("/items/articles/" + own + "?fields=id,title,author.email").item()).isEqualTo(Map
			.of("id", own, "title", "Mine", "author", Map.of("email", PermissionEnforcementApiTests.EDITOR_EMAIL)));
		assertThat(this.admin.get("/items/articles/" + own + "?fields=*.*").item().get("author"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("id", this.editorId)
			.containsEntry("email", PermissionEnforcementApiTests.EDITOR_EMAIL)
			.containsEntry("password", "**********");
		assertThat(this.admin
			.get("/items/articles?fields=id&filter=" + ApiClient
				.encode("{\"author\":{\"email\":{\"_eq\":\"" + PermissionEnforcementApiTests.EDITOR_EMAIL + "\"}}}"))
			.items()).containsExactly(Map.of("id", own));
	}

	@Test
	void readWhenCallerMayNotReadUsersThenAuthorStaysAKey() {
		int own = (Integer) this.editor
			.post("/items/articles?fields=id", ApiClient.json(Map.of("title", "Mine", "author", this.editorId)))
			.item()
			.get("id");

		assertThat(this.editor.get("/items/articles/" + own + "?fields=*.*").item()).containsEntry("author",
				this.editorId);
		this.editor.get("/items/articles/" + own + "?fields=id,author.email").error(403, "FORBIDDEN");
		// the Editor's rule, author = $CURRENT_USER, still filters the many-to-one by key
		this.editor.patch("/items/articles/" + own, "{\"title\":\"Still mine\"}").item();
		this.editor.patch("/items/articles/1", "{\"title\":\"Not mine\"}").error(403, "FORBIDDEN");
	}

	@Test
	void pushWhenArticleHasAnAuthorThenTheAuthorIsItsKey() {
		try (SocketClient socket = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			assertThat(socket.ask(Map.of("type", "subscribe", "collection", "articles", "query",
					Map.of("fields", List.of("title", "author")))))
				.containsEntry("event", "init");

			this.editor.post("/items/articles", ApiClient.json(Map.of("title", "Pushed", "author", this.editorId)));

			assertThat(socket.next()).containsEntry("event", "create")
				.containsEntry("data", List.of(Map.of("title", "Pushed", "author", this.editorId)));
		}
	}

}
