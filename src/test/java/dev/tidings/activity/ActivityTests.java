package dev.tidings.activity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tidings.app.Article;
import dev.tidings.app.TidingsApplication;
import dev.tidings.events.Actor;
import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Activity and revisions through the real HTTP stack and real sockets: every write (REST,
 * a socket's {@code items}, host code) is recorded with who made it and from where, in
 * its own transaction; reads are limited to one's own activity; the log is live; a
 * revision can be reverted to.
 */
@SpringBootTest(classes = { TidingsApplication.class, ActivityTests.HostListener.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:activity-tests;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class ActivityTests {

	private static final String EDITOR = "editor@example.com";

	private static final String EDITOR_PASSWORD = "editor-password-123";

	private final int port;

	private final ApiClient admin;

	private final ApiClient editor;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private List<ChangeNotification> heard;

	ActivityTests(@LocalServerPort int port) {
		this.port = port;
		this.admin = new ApiClient(port).asAdmin();
		this.editor = new ApiClient(port).as(EDITOR, EDITOR_PASSWORD);
	}

	@Test
	void restWritesThenEachActionRecordedWithUserAddressAndAgent() {
		int id = createArticle(this.admin, "Recorded");
		this.admin.patch("/items/articles/" + id, "{\"title\":\"Recorded again\"}");
		this.admin.delete("/items/articles/" + id);

		List<Map<String, Object>> activity = activityOf(id);
		assertThat(activity).extracting((row) -> row.get("action")).containsExactly("create", "update", "delete");
		assertThat(activity).allSatisfy((row) -> {
			assertThat(row).containsEntry("user", userId(this.admin)).containsEntry("ip", "127.0.0.1");
			assertThat((String) row.get("user_agent")).startsWith("Java-http-client");
			assertThat(row.get("timestamp")).isNotNull();
		});
		assertThat(this.jdbc.queryForObject(
				"select count(*) from tidings_revisions where collection = 'articles' " + "and item = ?", Integer.class,
				String.valueOf(id)))
			.as("no revision for the delete")
			.isEqualTo(2);
	}

	@Test
	void restWriteThenHostListenerHearsTheActor() {
		int id = createArticle(this.admin, "Heard");

		ChangeNotification notification = this.heard.stream()
			.filter((heard) -> heard.collection().equals("articles")
					&& heard.changes().stream().anyMatch((change) -> change.key().equals(id)))
			.findFirst()
			.orElseThrow();
		assertThat(notification.actor().user()).hasToString(userId(this.admin));
		assertThat(notification.actor().ip()).isEqualTo("127.0.0.1");
		assertThat(notification.actor().userAgent()).startsWith("Java-http-client");
	}

	@Test
	void updateThenDeltaHoldsOnlyTheChangedFieldsAndDataTheWholeRow() {
		int id = createArticle(this.admin, "Delta");
		this.admin.patch("/items/articles/" + id, "{\"title\":\"Delta two\",\"status\":\"draft\"}");

		List<Map<String, Object>> revisions = this.admin
			.get("/revisions?filter[collection][_eq]=articles&filter[item][_eq]=" + id + "&sort=id")
			.items();
		assertThat(revisions).hasSize(2);
		Map<String, Object> update = revisions.get(1);
		assertThat(update.get("delta")).isEqualTo(Map.of("title", "Delta two"));
		assertThat(map(update.get("data"))).containsEntry("title", "Delta two")
			.containsEntry("status", "draft")
			.containsEntry("id", id);
		assertThat(map(revisions.get(0).get("delta"))).containsEntry("title", "Delta");
	}

	@Test
	void severalWritesInOneTransactionThenLaterRevisionsHaveTheFirstAsParent() {
		List<Map<String, Object>> created = this.admin
			.post("/items/articles", "[{\"title\":\"Batch 1\"},{\"title\":\"Batch 2\"},{\"title\":\"Batch 3\"}]")
			.items();
		List<Object> keys = created.stream().map((row) -> row.get("id")).toList();

		List<Map<String, Object>> revisions = this.admin
			.get("/revisions?fields=id,parent,item,activity.action&filter[collection][_eq]=articles"
					+ "&filter[item][_in]=" + keys.get(0) + "," + keys.get(1) + "," + keys.get(2) + "&sort=id")
			.items();
		assertThat(revisions).hasSize(3);
		Object first = revisions.get(0).get("id");
		assertThat(revisions.get(0).get("parent")).isNull();
		assertThat(revisions.subList(1, 3))
			.allSatisfy((revision) -> assertThat(revision).containsEntry("parent", first));
		assertThat(revisions)
			.allSatisfy((revision) -> assertThat(revision.get("activity")).isEqualTo(Map.of("action", "create")));
	}

	@Test
	void rolledBackTransactionThenNothingRecorded() {
		Integer id = this.transactions.execute((status) -> {
			Article article = new Article("Rolled back", "draft");
			this.entityManager.persist(article);
			this.entityManager.flush();
			status.setRollbackOnly();
			return article.getId();
		});

		assertThat(this.jdbc.queryForObject(
				"select count(*) from tidings_activity where collection = 'articles' and item = ?", Integer.class,
				String.valueOf(id)))
			.isZero();
	}

	@Test
	void hostWriteThenRecordedAsTheSystem() {
		Integer id = this.transactions.execute((status) -> {
			Article article = new Article("Host code", "draft");
			this.entityManager.persist(article);
			return article.getId();
		});

		Map<String, Object> row = activityOf(id).get(0);
		assertThat(row).containsEntry("action", "create")
			.containsEntry("user", null)
			.containsEntry("ip", null)
			.containsEntry("user_agent", null);
		assertThat(this.heard).anySatisfy((heard) -> {
			assertThat(heard.collection()).isEqualTo("articles");
			assertThat(heard.changes().get(0).key()).isEqualTo(id);
			assertThat(heard.actor()).isEqualTo(Actor.SYSTEM);
		});
	}

	@Test
	void hostRouteWriteThenTheSystemsWithoutTheHostRequestsClient() {
		Reply written = this.admin.anonymous().post("/host/articles", "");
		assertThat(written.status()).isEqualTo(200);

		assertThat(activityOf(Integer.valueOf(written.body()))).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("user", null).containsEntry("ip", null));
	}

	@Test
	void socketItemsWriteThenRecordedWithTheSocketsUserAndHandshake() {
		String token = SocketClient.token(this.port, EDITOR, EDITOR_PASSWORD);
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + token,
				Map.of("User-Agent", "activity-socket-test"))) {
			Map<String, Object> reply = socket.ask(Map.of("type", "items", "collection", "articles", "action", "create",
					"data", Map.of("title", "Over the socket"), "uid", "w"));
			Object id = map(reply.get("data")).get("id");

			Map<String, Object> row = activityOf(id).get(0);
			assertThat(row).containsEntry("action", "create")
				.containsEntry("user", userId(this.editor))
				.containsEntry("ip", "127.0.0.1")
				.containsEntry("user_agent", "activity-socket-test");
		}
	}

	@Test
	void loginThenLoginActionOnTheUser() throws Exception {
		HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/auth/login"))
			.header("Content-Type", "application/json")
			.header("User-Agent", "activity-login-test")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers
				.ofString(ApiClient.json(Map.of("email", EDITOR, "password", EDITOR_PASSWORD))))
			.build();
		assertThat(HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);

		String editorId = userId(this.editor);
		List<Map<String, Object>> logins = this.admin
			.get("/activity?filter[action][_eq]=login&filter[user_agent][_eq]=activity-login-test")
			.items();
		assertThat(logins).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("collection", "directus_users")
				.containsEntry("item", editorId)
				.containsEntry("user", editorId)
				.containsEntry("ip", "127.0.0.1"));
	}

	@Test
	void socketAuthWithCredentialsThenLoginRecordedWithTheHandshake() {
		try (SocketClient socket = SocketClient.open(this.port, "",
				Map.of("User-Agent", "activity-socket-login-test"))) {
			assertThat(socket.ask(Map.of("type", "auth", "email", EDITOR, "password", EDITOR_PASSWORD)))
				.containsEntry("status", "ok");
		}

		String editorId = userId(this.editor);
		assertThat(
				this.admin.get("/activity?filter[action][_eq]=login&filter[user_agent][_eq]=activity-socket-login-test")
					.items())
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("collection", "directus_users")
				.containsEntry("item", editorId)
				.containsEntry("user", editorId)
				.containsEntry("ip", "127.0.0.1"));
	}

	@Test
	void nonAdminThenReadsOnlyItsOwnActivityAndRevisions() {
		createArticle(this.admin, "Admin's");
		int own = createArticle(this.editor, "Editor's");
		String editorId = userId(this.editor);

		List<Map<String, Object>> activity = this.editor.get("/activity?limit=-1").items();
		assertThat(activity).isNotEmpty().allSatisfy((row) -> assertThat(row).containsEntry("user", editorId));
		assertThat(activity).anySatisfy((row) -> assertThat(row).containsEntry("item", String.valueOf(own)));
		List<Map<String, Object>> revisions = this.editor.get("/revisions?limit=-1&fields=item,activity.user").items();
		assertThat(revisions).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("activity")).isEqualTo(Map.of("user", editorId)));
		assertThat(this.admin.get("/activity?limit=-1&fields=user").items())
			.anySatisfy((row) -> assertThat(row.get("user")).isNotEqualTo(editorId));
	}

	@Test
	void relationalFieldsThenRevisionsOfAnActivityAndTheActivityOfARevision() {
		int id = createArticle(this.admin, "Related");

		Map<String, Object> activity = this.admin
			.get("/activity?fields=id,revisions.item,revisions.delta&filter[item][_eq]=" + id
					+ "&filter[collection][_eq]=articles")
			.items()
			.get(0);
		assertThat((List<?>) activity.get("revisions")).singleElement()
			.satisfies((revision) -> assertThat(map(revision)).containsEntry("item", String.valueOf(id)));
		Map<String, Object> revision = this.admin
			.get("/revisions?fields=activity.*&filter[item][_eq]=" + id + "&filter[collection][_eq]=articles&meta=*")
			.items()
			.get(0);
		assertThat(map(revision.get("activity"))).containsEntry("action", "create")
			.containsEntry("id", activity.get("id"));
	}

	@Test
	void writeRoutesThenRouteNotFound() {
		this.admin.post("/activity", "{\"action\":\"create\"}").error(404, "ROUTE_NOT_FOUND");
		this.admin.patch("/revisions/1", "{\"item\":\"1\"}").error(404, "ROUTE_NOT_FOUND");
		this.admin.delete("/activity/1").error(404, "ROUTE_NOT_FOUND");
	}

	@Test
	void anonymousThenActivityForbidden() {
		this.admin.anonymous().get("/activity").error(403, "FORBIDDEN");
	}

	@Test
	void subscriberToActivityThenReceivesTheRowOfItsOwnWrite() {
		String token = this.editor.bearer();
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + token)) {
			Map<String, Object> init = socket.ask(Map.of("type", "subscribe", "collection", "directus_activity", "uid",
					"feed", "query", Map.of("fields", List.of("*"), "limit", 1)));
			assertThat(init).containsEntry("event", "init");

			int id = createArticle(this.editor, "Live feed");

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("type", "subscription").containsEntry("event", "create");
			assertThat((List<?>) push.get("data")).singleElement()
				.satisfies((row) -> assertThat(map(row)).containsEntry("collection", "articles")
					.containsEntry("item", String.valueOf(id))
					.containsEntry("action", "create")
					.containsEntry("user", userId(this.editor)));
		}
	}

	@Test
	void subscriberToRevisionsThenReceivesOnlyThoseOfItsOwnActivity() {
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + this.editor.bearer())) {
			Map<String, Object> init = socket.ask(Map.of("type", "subscribe", "collection", "directus_revisions", "uid",
					"revisions", "query", Map.of("fields", List.of("item", "collection"), "limit", 1)));
			assertThat(init).containsEntry("event", "init");

			createArticle(this.admin, "Not the editor's");
			int own = createArticle(this.editor, "The editor's");

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "create");
			assertThat((List<?>) push.get("data")).singleElement()
				.isEqualTo(Map.of("item", String.valueOf(own), "collection", "articles"));
		}
	}

	@Test
	void revertThenTheRevisionsDataIsBackAndTheRevertIsRecorded() {
		int id = createArticle(this.admin, "Original");
		this.admin.patch("/items/articles/" + id, "{\"title\":\"Changed\",\"status\":\"archived\"}");
		Object original = this.admin
			.get("/revisions?fields=id&sort=id&filter[collection][_eq]=articles&filter[item][_eq]=" + id)
			.items()
			.get(0)
			.get("id");

		Reply revert = this.admin.post("/utils/revert/" + original, "");

		assertThat(revert.status()).isEqualTo(204);
		assertThat(this.admin.get("/items/articles/" + id + "?fields=title,status").item())
			.isEqualTo(Map.of("title", "Original", "status", "draft"));
		assertThat(activityOf(id)).extracting((row) -> row.get("action")).containsExactly("create", "update", "update");
	}

	@Test
	void revertToTheCreateThenCommentsLeftSinceStay() {
		int id = createArticle(this.admin, "Commented later");
		int comment = (Integer) this.admin
			.post("/items/comments", ApiClient.json(Map.of("article", id, "body", "Still here")))
			.item()
			.get("id");
		Map<String, Object> created = this.admin
			.get("/revisions?fields=id,data&sort=id&filter[collection][_eq]=articles&filter[item][_eq]=" + id)
			.items()
			.get(0);
		// a revision holds the row's own fields, not the one-to-many aliases of the
		// snapshot
		assertThat(map(created.get("data"))).containsEntry("title", "Commented later").doesNotContainKey("comments");

		this.admin.post("/utils/revert/" + created.get("id"), "");

		assertThat(this.admin.get("/items/articles/" + id + "?fields=comments").item())
			.isEqualTo(Map.of("comments", List.of(comment)));
	}

	@Test
	void revertWhenRevisionUnknownOrNotTheCallersThenForbidden() {
		this.admin.post("/utils/revert/999999", "").error(403, "FORBIDDEN");
		int id = createArticle(this.admin, "Admin only");
		Object revision = this.admin
			.get("/revisions?fields=id&filter[collection][_eq]=articles&filter[item][_eq]=" + id)
			.items()
			.get(0)
			.get("id");
		this.editor.post("/utils/revert/" + revision, "").error(403, "FORBIDDEN");
	}

	private List<Map<String, Object>> activityOf(Object id) {
		return await().until(
				() -> this.admin.get("/activity?filter[collection][_eq]=articles&filter[item][_eq]=" + id + "&sort=id")
					.items(),
				(rows) -> !rows.isEmpty());
	}

	private static int createArticle(ApiClient client, String title) {
		return (Integer) client.post("/items/articles", ApiClient.json(Map.of("title", title))).item().get("id");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static String userId(ApiClient client) {
		return (String) client.get("/users/me?fields=id").item().get("id");
	}

	/**
	 * A host's listener on the bus, reading who made each change, and a host route that
	 * writes through JPA.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class HostListener {

		@Bean
		HostWrites hostWrites(TransactionTemplate transactions, EntityManager entityManager) {
			return new HostWrites(transactions, entityManager);
		}

		@Bean
		List<ChangeNotification> heard(ChangeBus bus) {
			List<ChangeNotification> heard = new CopyOnWriteArrayList<>();
			bus.subscribe(heard::add);
			return heard;
		}

	}

	@RestController
	static class HostWrites {

		private final TransactionTemplate transactions;

		private final EntityManager entityManager;

		HostWrites(TransactionTemplate transactions, EntityManager entityManager) {
			this.transactions = transactions;
			this.entityManager = entityManager;
		}

		@PostMapping("/host/articles")
		Integer write() {
			return this.transactions.execute((status) -> {
				Article article = new Article("From a host route", "draft");
				this.entityManager.persist(article);
				return article.getId();
			});
		}

	}

}
