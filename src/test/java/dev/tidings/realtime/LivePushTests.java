package dev.tidings.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import dev.tidings.security.Accountability;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Committed changes reach subscribers over a real socket, each seeing what its
 * permissions and query allow: REST writes, host-code writes and rolled back ones, items
 * that enter and leave a filter, and a client that stops reading while another keeps up.
 * "Nothing arrived" is proven by a later marker change arriving first, since pushes keep
 * commit order per collection.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-live-push;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.send-buffer-limit=64KB",
				"tidings.websockets.send-time-limit=2s" })
class LivePushTests {

	private final int port;

	private final JdbcTemplate jdbc;

	private final ItemsService items;

	private final TransactionTemplate transactions;

	private final RealtimeEndpoint endpoint;

	private final String adminToken;

	private final MeterRegistry meters;

	LivePushTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc, @Autowired ItemsService items,
			@Autowired TransactionTemplate transactions, @Autowired RealtimeEndpoint endpoint,
			@Autowired MeterRegistry meters) {
		this.port = port;
		this.meters = meters;
		this.jdbc = jdbc;
		this.items = items;
		this.transactions = transactions;
		this.endpoint = endpoint;
		this.adminToken = SocketClient.token(port, "admin@example.com", "admin-password-123");
	}

	@AfterEach
	void removeCreatedRows() {
		this.jdbc.update("DELETE FROM comments WHERE article > 20");
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
	}

	@Test
	void readerSeesOnlyPublishedArticlesAndFourFieldsWhileEditorSeesEverything() {
		try (SocketClient reader = subscribed("reader@example.com", "reader-password-123", Map.of());
				SocketClient editor = subscribed("editor@example.com", "editor-password-123",
						Map.of("fields", List.of("id", "title", "status")))) {
			int published = create("{\"title\":\"Hello readers\",\"status\":\"published\",\"body\":\"secret\"}");

			Map<String, Object> push = reader.next();
			assertThat(push).containsEntry("type", "subscription")
				.containsEntry("event", "create")
				.containsEntry("uid", "live");
			assertThat(rows(push)).singleElement()
				.satisfies((row) -> assertThat(row).containsOnlyKeys("id", "title", "status", "published_at")
					.containsEntry("id", published));
			assertThat(rows(editor.next())).singleElement()
				.satisfies((row) -> assertThat(row).containsOnlyKeys("id", "title", "status"));

			int draft = create("{\"title\":\"Not yet\",\"status\":\"draft\"}");
			assertThat(rows(editor.next())).extracting((row) -> row.get("id")).containsExactly(draft);
			int marker = create("{\"title\":\"Marker\",\"status\":\"published\"}");
			assertThat(rows(reader.next())).extracting((row) -> row.get("id")).containsExactly(marker);
			editor.next();

			// leaving the Reader's rule removes the row for the Reader, as a live table
			// needs
			patch(published, "{\"status\":\"archived\"}");
			assertThat(reader.next()).containsEntry("event", "delete").containsEntry("data", List.of(published));
			assertThat(editor.next()).containsEntry("event", "update");

			// entering it arrives as an update, as in Directus
			patch(draft, "{\"status\":\"published\"}");
			assertThat(reader.next()).containsEntry("event", "update");
			editor.next();

			// a deleted item the Reader could not read is not announced to it
			delete(published);
			assertThat(editor.next()).containsEntry("event", "delete").containsEntry("data", List.of(published));
			delete(marker);
			assertThat(reader.next()).containsEntry("event", "delete").containsEntry("data", List.of(marker));
		}
	}

	@Test
	void pushesNameTheCollectionAndTheKeysOfOneItemOrOfABatch() {
		try (SocketClient editor = subscribed("editor@example.com", "editor-password-123",
				Map.of("fields", List.of("id", "title")))) {
			int one = create("{\"title\":\"Single\",\"status\":\"published\"}");
			assertThat(editor.next()).containsEntry("event", "create")
				.containsEntry("collection", "articles")
				.containsEntry("keys", List.of(one))
				.containsEntry("key", one);

			List<Integer> batch = createAll("[{\"title\":\"Batch 1\"},{\"title\":\"Batch 2\"}]");
			Map<String, Object> created = editor.next();
			assertThat(created).containsEntry("event", "create")
				.containsEntry("collection", "articles")
				.containsEntry("keys", batch)
				.doesNotContainKey("key");
			assertThat(rows(created)).extracting((row) -> row.get("id")).containsExactlyElementsOf(batch);

			patch(one, "{\"title\":\"Single 2\"}");
			assertThat(editor.next()).containsEntry("event", "update")
				.containsEntry("keys", List.of(one))
				.containsEntry("key", one);
			patchAll(batch, "{\"title\":\"Batch edited\"}");
			assertThat(editor.next()).containsEntry("event", "update")
				.containsEntry("keys", batch)
				.doesNotContainKey("key");

			delete(one);
			assertThat(editor.next()).containsEntry("event", "delete")
				.containsEntry("data", List.of(one))
				.containsEntry("keys", List.of(one))
				.containsEntry("key", one);
			deleteAll(batch);
			assertThat(editor.next()).containsEntry("event", "delete")
				.containsEntry("data", batch)
				.containsEntry("keys", batch)
				.doesNotContainKey("key");
		}
	}

	@Test
	void batchWithADraftThenReaderPushesNameOnlyThePublishedItem() {
		try (SocketClient reader = subscribed("reader@example.com", "reader-password-123", Map.of());
				SocketClient editor = subscribed("editor@example.com", "editor-password-123",
						Map.of("fields", List.of("id")))) {
			List<Integer> batch = createAll(
					"[{\"title\":\"Out\",\"status\":\"published\"},{\"title\":\"Hidden\",\"status\":\"draft\"}]");
			int published = batch.get(0);
			assertThat(reader.next()).containsEntry("event", "create")
				.containsEntry("keys", List.of(published))
				.containsEntry("key", published);
			assertThat(editor.next()).containsEntry("keys", batch).doesNotContainKey("key");

			patchAll(batch, "{\"title\":\"Edited\"}");
			Map<String, Object> updated = reader.next();
			assertThat(updated).containsEntry("event", "update")
				.containsEntry("keys", List.of(published))
				.containsEntry("key", published);
			assertThat(rows(updated)).extracting((row) -> row.get("id")).containsExactly(published);
			assertThat(editor.next()).containsEntry("keys", batch);

			deleteAll(batch);
			assertThat(reader.next()).containsEntry("event", "delete")
				.containsEntry("data", List.of(published))
				.containsEntry("keys", List.of(published))
				.containsEntry("key", published);
			assertThat(editor.next()).containsEntry("event", "delete").containsEntry("keys", batch);
		}
	}

	@Test
	void pushesWhoseFieldsLeaveOutTheKeyStillNameTheItems() {
		int watched = create("{\"title\":\"Watched\",\"status\":\"published\"}");
		int other = create("{\"title\":\"Other\",\"status\":\"published\"}");
		try (SocketClient titles = subscribed("editor@example.com", "editor-password-123",
				Map.of("fields", List.of("title")));
				// the comments alias makes this subscription's pushes re-read their rows
				SocketClient withComments = subscribed("editor@example.com", "editor-password-123",
						Map.of("fields", List.of("title", "comments")));
				SocketClient item = SocketClient.open(this.port, "?access_token="
						+ SocketClient.token(this.port, "editor@example.com", "editor-password-123"))) {
			assertThat(item.ask(Map.of("type", "subscribe", "collection", "articles", "item", watched, "uid", "one",
					"query", Map.of("fields", List.of("title")))))
				.containsEntry("event", "init");

			patchAll(List.of(watched, other), "{\"status\":\"archived\"}");
			for (SocketClient client : List.of(titles, withComments)) {
				Map<String, Object> push = client.next();
				assertThat(rows(push)).allSatisfy((row) -> assertThat(row).doesNotContainKey("id"));
				assertThat(push).containsEntry("keys", List.of(watched, other)).doesNotContainKey("key");
			}
			assertThat(item.next()).containsEntry("event", "update")
				.containsEntry("data", Map.of("title", "Watched"))
				.containsEntry("keys", List.of(watched))
				.containsEntry("key", watched);

			delete(watched);
			// Directus's data for an item subscription is the key as a string; keys keep
			// its type
			assertThat(item.next()).containsEntry("event", "delete")
				.containsEntry("data", String.valueOf(watched))
				.containsEntry("keys", List.of(watched))
				.containsEntry("key", watched);
		}
	}

	@Test
	void pushesOfUsersNameThemByTheirUuid() {
		String reader = String.valueOf(this.jdbc
			.queryForObject("select id from tidings_users where email = 'reader@example.com'", Object.class));
		try (SocketClient admin = SocketClient.open(this.port, "?access_token=" + this.adminToken)) {
			assertThat(admin.ask(Map.of("type", "subscribe", "collection", "directus_users", "uid", "users", "query",
					Map.of("fields", List.of("first_name"), "limit", 1))))
				.containsEntry("event", "init");

			send("PATCH", "/users/" + reader, "{\"first_name\":\"Ruth\"}");

			assertThat(admin.next()).containsEntry("event", "update")
				.containsEntry("collection", "directus_users")
				.containsEntry("data", List.of(Map.of("first_name", "Ruth")))
				.containsEntry("keys", List.of(reader))
				.containsEntry("key", reader);
		}
		finally {
			send("PATCH", "/users/" + reader, "{\"first_name\":\"Rita\"}");
		}
	}

	@Test
	void hostCodeWritesArePushedAndRolledBackOnesAreNot() {
		try (SocketClient reader = subscribed("reader@example.com", "reader-password-123", Map.of())) {
			this.transactions.executeWithoutResult((status) -> {
				this.items.create(Accountability.system(), "articles",
						List.of(Map.of("title", "Rolled back", "status", "published")));
				status.setRollbackOnly();
			});
			List<Object> keys = this.items.create(Accountability.system(), "articles",
					List.of(Map.of("title", "From host code", "status", "published")));

			Map<String, Object> push = reader.next();
			assertThat(rows(push)).extracting((row) -> row.get("title")).containsExactly("From host code");
			assertThat(rows(push).get(0)).containsEntry("id", keys.get(0));
		}
	}

	@Test
	void clientThatStopsReadingIsCutOffWhileAnotherKeepsReceiving() {
		try (SocketClient slow = subscribed("admin@example.com", "admin-password-123",
				Map.of("fields", List.of("id", "body")));
				SocketClient fast = subscribed("editor@example.com", "editor-password-123",
						Map.of("fields", List.of("id")))) {
			int before = this.endpoint.openSockets();
			double slowCloses = slowCloses();
			slow.stall();
			String body = "x".repeat(30_000);
			int batches = 40;
			for (int batch = 0; batch < batches; batch++) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					rows.add(Map.of("title", "Big " + batch + "/" + i, "status", "draft", "body", body));
				}
				this.items.create(Accountability.system(), "articles", rows);
			}

			for (int batch = 0; batch < batches; batch++) {
				assertThat(rows(fast.next())).hasSize(20);
			}
			await().untilAsserted(() -> assertThat(this.endpoint.openSockets()).isEqualTo(before - 1));
			assertThat(fast.isClosed()).isFalse();
			assertThat(slowCloses()).isEqualTo(slowCloses + 1);
		}
	}

	@Test
	void starSubscriptionWhenArticlesCreatedThenCommentsListedWithOrWithoutNestedChildren() {
		try (SocketClient admin = subscribed("admin@example.com", "admin-password-123", Map.of())) {
			int plain = create("{\"title\":\"No comments yet\",\"status\":\"draft\"}");
			Map<String, Object> first = rows(admin.next()).get(0);
			assertThat(first).containsEntry("id", plain).containsEntry("comments", List.of());

			// the comment is written in the article's own transaction: the list must show
			// it
			int nested = create(
					"{\"title\":\"With a comment\",\"status\":\"draft\"," + "\"comments\":[{\"body\":\"First!\"}]}");
			Map<String, Object> second = rows(admin.next()).get(0);
			List<Integer> comments = this.jdbc.queryForList("SELECT id FROM comments WHERE article = ?", Integer.class,
					nested);
			assertThat(comments).hasSize(1);
			assertThat(second).containsEntry("id", nested).containsEntry("comments", comments);
		}
	}

	/**
	 * An update's {@code comments} come from the children's keys kept in memory, not from
	 * a read: however comments are added, moved and deleted, and past the hundred a list
	 * shows, each push lists them as REST reads them at that moment.
	 */
	@Test
	void starSubscriptionWhenCommentsComeAndGoThenEachUpdateListsThemAsRestDoes() {
		try (SocketClient admin = subscribed("admin@example.com", "admin-password-123", Map.of())) {
			int first = create("{\"title\":\"First parent\",\"status\":\"draft\"}");
			int second = create("{\"title\":\"Second parent\",\"status\":\"draft\"}");
			admin.next();
			admin.next();
			patch(first, "{\"title\":\"Nothing to list\"}");
			assertCommentsAsRest(admin.next(), first);

			int moving = comment(first);
			int staying = comment(first);
			patch(first, "{\"title\":\"Two comments\"}");
			assertThat(assertCommentsAsRest(admin.next(), first)).isEqualTo(List.of(moving, staying));

			send("PATCH", "/items/comments/" + moving, "{\"article\":" + second + "}");
			patchAll(List.of(first, second), "{\"views\":1}");
			List<Map<String, Object>> both = rows(admin.next());
			assertThat(both.get(0)).containsEntry("comments", List.of(staying));
			assertThat(both.get(1)).containsEntry("comments", List.of(moving));

			send("DELETE", "/items/comments/" + staying, null);
			send("POST", "/items/comments", "[" + "{\"article\":%d,\"body\":\"Many\"},".formatted(second).repeat(100)
					+ "{\"article\":%d,\"body\":\"Last\"}]".formatted(second));
			patchAll(List.of(first, second), "{\"views\":2}");
			Map<String, Object> update = admin.next();
			assertThat(rows(update).get(0)).containsEntry("comments", List.of());
			assertThat((List<?>) rows(update).get(1).get("comments")).hasSize(100).first().isEqualTo(moving);
			assertThat(rows(update).get(1).get("comments")).isEqualTo(restComments(second));

			// comments written in the article's own update
			patch(first, "{\"title\":\"Nested\",\"comments\":{\"create\":[{\"body\":\"Nested\"}],"
					+ "\"update\":[],\"delete\":[]}}");
			assertThat(assertCommentsAsRest(admin.next(), first)).hasSize(1);
		}
	}

	/**
	 * Pushes go out as bytes encoded once per group (see {@code FrameSinkTests}): a push
	 * with characters of two, three and four bytes, 15 KB of them, arrives intact.
	 */
	@Test
	void pushWithMultiByteCharactersThenReadIntact() {
		try (SocketClient reader = subscribed("admin@example.com", "admin-password-123",
				Map.of("fields", List.of("id", "title", "body")))) {
			String body = "Grüße, 世界 and 🎉 ".repeat(500);
			int id = create("{\"title\":\"Grüße 🎉\",\"status\":\"draft\",\"body\":\"" + body + "\"}");
			assertThat(rows(reader.next())).singleElement()
				.isEqualTo(Map.of("id", id, "title", "Grüße 🎉", "body", body));
		}
	}

	/** Checks the push's only item lists the comments REST reads; returns them. */
	private List<?> assertCommentsAsRest(Map<String, Object> push, int article) {
		Map<String, Object> item = rows(push).get(0);
		assertThat(push).containsEntry("event", "update");
		assertThat(item).containsEntry("id", article).containsEntry("comments", restComments(article));
		return (List<?>) item.get("comments");
	}

	@SuppressWarnings("unchecked")
	private List<?> restComments(int article) {
		Map<String, Object> read = send("GET", "/items/articles/" + article + "?fields=comments", null);
		return (List<?>) ((Map<String, Object>) read.get("data")).get("comments");
	}

	@SuppressWarnings("unchecked")
	private int comment(int article) {
		Map<String, Object> reply = send("POST", "/items/comments",
				"{\"article\":" + article + ",\"body\":\"A comment\"}");
		return (Integer) ((Map<String, Object>) reply.get("data")).get("id");
	}

	private double slowCloses() {
		return this.meters.get("tidings.realtime.slow.closes").counter().count();
	}

	private SocketClient subscribed(String email, String password, Map<String, Object> query) {
		SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, email, password));
		// a limit keeps init short, and (unlike Directus) does not suppress pushes
		Map<String, Object> limited = new LinkedHashMap<>(query);
		limited.put("limit", 1);
		Map<String, Object> init = client
			.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live", "query", limited));
		assertThat(init).containsEntry("event", "init");
		return client;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> push) {
		assertThat(push).containsEntry("type", "subscription");
		return (List<Map<String, Object>>) push.get("data");
	}

	@SuppressWarnings("unchecked")
	private int create(String json) {
		Map<String, Object> reply = send("POST", "/items/articles", json);
		return (Integer) ((Map<String, Object>) reply.get("data")).get("id");
	}

	@SuppressWarnings("unchecked")
	private List<Integer> createAll(String json) {
		Map<String, Object> reply = send("POST", "/items/articles", json);
		return ((List<Map<String, Object>>) reply.get("data")).stream().map((row) -> (Integer) row.get("id")).toList();
	}

	private void patchAll(List<Integer> ids, String data) {
		send("PATCH", "/items/articles", "{\"keys\":" + ids + ",\"data\":" + data + "}");
	}

	private void deleteAll(List<Integer> ids) {
		send("DELETE", "/items/articles", ids.toString());
	}

	private void patch(int id, String json) {
		send("PATCH", "/items/articles/" + id, json);
	}

	private void delete(int id) {
		send("DELETE", "/items/articles/" + id, null);
	}

	private Map<String, Object> send(String method, String path, String json) {
		return Rest.send(this.port, this.adminToken, method, path, json);
	}

}
