package dev.tidings.realtime;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.Article;
import dev.tidings.app.TidingsApplication;
import dev.tidings.cluster.RedisServer;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the standalone app, A and B, on one PostgreSQL database (fresh for
 * this class) and one Redis of the test's own, which the outage case stops and starts
 * again. Real sockets and REST calls; "nothing else arrived" is proven by a later marker
 * arriving next, since one origin's changes keep their order on every instance.
 */
@Tag("redis")
@Tag("postgres")
class ClusterPushTests {

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static RedisServer redis;

	private static String database;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static int portA;

	private static int portB;

	private static String adminA;

	@BeforeAll
	static void startTwoInstances() throws SQLException {
		redis = RedisServer.start();
		database = "tidings_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		sql("CREATE DATABASE " + database);
		String stream = "tidings:" + database;
		a = instance(stream);
		b = instance(stream);
		portA = port(a);
		portB = port(b);
		adminA = SocketClient.token(portA, "admin@example.com", "admin-password-123");
	}

	@AfterAll
	static void stopEverything() throws SQLException {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b }) {
			if (context != null) {
				context.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
		if (database != null) {
			sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	void aRestCreateOnAReachesSubscribersOnBothInstancesOnce() {
		try (SocketClient onB = subscribed(portB, "reader@example.com", "reader-password-123");
				SocketClient onA = subscribed(portA, "reader@example.com", "reader-password-123")) {
			int created = create(portA, adminA, "Hello from A");
			int marker = create(portA, adminA, "Marker");

			assertThat(createdIds(onB.next())).containsExactly(created);
			assertThat(createdIds(onB.next())).containsExactly(marker);
			assertThat(createdIds(onA.next())).containsExactly(created);
			assertThat(createdIds(onA.next())).containsExactly(marker);
		}
	}

	/**
	 * B keeps its articles' comment lists in memory for its pushes; a comment written on
	 * A reaches B through Redis before the article's next update, so B lists it.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aCommentWrittenOnAShowsInTheNextPushOfItsArticleOnB() {
		String adminB = SocketClient.token(portB, "admin@example.com", "admin-password-123");
		try (SocketClient onB = SocketClient.open(portB, "?access_token=" + adminB)) {
			assertThat(onB.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live", "query",
					Map.of("fields", List.of("id", "comments"), "limit", 1))))
				.containsEntry("event", "init");
			int article = create(portA, adminA, "Commented on A");
			assertThat(rows(onB.next()).get(0)).containsEntry("comments", List.of());
			Rest.send(portA, adminA, "PATCH", "/items/articles/" + article, Map.of("title", "Kept on B"));
			assertThat(onB.next()).containsEntry("event", "update")
				.containsEntry("data", List.of(Map.of("id", article, "comments", List.of())));

			Map<String, Object> comment = (Map<String, Object>) Rest
				.send(portA, adminA, "POST", "/items/comments", Map.of("article", article, "body", "From A"))
				.get("data");
			Rest.send(portA, adminA, "PATCH", "/items/articles/" + article, Map.of("title", "Commented"));

			assertThat(onB.next()).containsEntry("event", "update")
				.containsEntry("data", List.of(Map.of("id", article, "comments", List.of(comment.get("id")))));
		}
	}

	@Test
	void aWriteByHostCodeOnAReachesB() {
		try (SocketClient onB = subscribed(portB, "reader@example.com", "reader-password-123")) {
			EntityManagerFactory factory = a.getBean(EntityManagerFactory.class);
			TransactionTemplate transactions = new TransactionTemplate(a.getBean(PlatformTransactionManager.class));
			Article article = new Article("Saved by host code", "published");
			transactions.executeWithoutResult(
					(status) -> SharedEntityManagerCreator.createSharedEntityManager(factory).persist(article));
			int marker = create(portA, adminA, "Marker");

			Map<String, Object> push = onB.next();
			assertThat(createdIds(push)).containsExactly(article.getId());
			assertThat(rows(push).get(0)).containsEntry("title", "Saved by host code");
			assertThat(createdIds(onB.next())).containsExactly(marker);
		}
	}

	@Test
	void aBurstOfWritesOnAArrivesOnBInCommitOrder() {
		try (SocketClient onB = subscribed(portB, "reader@example.com", "reader-password-123")) {
			List<Integer> created = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				created.add(create(portA, adminA, "Burst " + i));
			}

			List<Object> received = new ArrayList<>();
			for (int i = 0; i < created.size(); i++) {
				received.addAll(createdIds(onB.next()));
			}
			assertThat(received).containsExactlyElementsOf(created);
		}
	}

	@Test
	void removingTheReadersPermissionOnATakesEffectOnB() {
		String readerOnB = SocketClient.token(portB, "reader@example.com", "reader-password-123");
		assertThat(status(portB, readerOnB, "GET", "/items/articles", null)).isEqualTo(200);
		Map<String, Object> permission = readerReadPermission();
		try (SocketClient onB = subscribed(portB, "reader@example.com", "reader-password-123")) {
			Rest.send(portA, adminA, "DELETE", "/permissions/" + permission.get("id"), null);

			await().until(() -> status(portB, readerOnB, "GET", "/items/articles", null) == 403);
			create(portA, adminA, "While the Reader may not read");
			Map<String, Object> restored = new LinkedHashMap<>(permission);
			restored.remove("id");
			Rest.send(portA, adminA, "POST", "/permissions", restored);
			int marker = create(portA, adminA, "Marker");

			assertThat(createdIds(onB.next())).containsExactly(marker);
		}
		finally {
			if (readerReadPermissionOrNull() == null) {
				Map<String, Object> restored = new LinkedHashMap<>(permission);
				restored.remove("id");
				Rest.send(portA, adminA, "POST", "/permissions", restored);
			}
		}
		await().until(() -> status(portB, readerOnB, "GET", "/items/articles", null) == 200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void clearingAStaticTokenOnARevokesTheSocketItOpenedOnB() {
		Map<String, Object> roles = Rest.send(portA, adminA, "GET",
				"/roles?fields=id&filter=" + encode("{\"name\":{\"_eq\":\"Reader\"}}"), null);
		Object reader = ((List<Map<String, Object>>) roles.get("data")).get(0).get("id");
		Map<String, Object> created = Rest.send(portA, adminA, "POST", "/users",
				Map.of("email", "cluster-static@example.com", "role", reader, "token", "cluster-static-token"));
		Object user = ((Map<String, Object>) created.get("data")).get("id");
		try (SocketClient onB = SocketClient.open(portB, "?access_token=cluster-static-token")) {
			assertThat(onB.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live", "query",
					Map.of("fields", List.of("id"), "limit", 1))))
				.containsEntry("event", "init");

			Rest.send(portA, adminA, "PATCH", "/users/" + user, Map.of("token", ""));

			assertThat(onB.next()).isEqualTo(Map.of("type", "auth", "status", "error", "error",
					Map.of("code", "TOKEN_EXPIRED", "message", "Token expired.")));
			assertThat(onB.ask(Map.of("type", "items", "collection", "articles", "action", "read", "uid", "r")))
				.containsEntry("status", "error");
		}
		finally {
			Rest.send(portA, adminA, "DELETE", "/users/" + user, null);
		}
	}

	@Test
	void whenRedisStopsBothServeAloneAndCatchUpOnceItIsBack() {
		try (SocketClient onB = subscribed(portB, "reader@example.com", "reader-password-123");
				SocketClient onA = subscribed(portA, "reader@example.com", "reader-password-123")) {
			redis.stop();
			await().until(() -> "DEGRADED".equals(health(portA).get("status")));
			await().until(() -> "DEGRADED".equals(health(portB).get("status")));
			assertThat(tidingsHealth(portA)).containsEntry("status", "DEGRADED");
			assertThat(details(portA)).containsEntry("connected", false);
			assertThat(status(portA, adminA, "GET", "/items/articles?limit=1", null)).isEqualTo(200);
			assertThat(status(portB, adminA, "GET", "/items/articles?limit=1", null)).isEqualTo(200);
			assertThat(onA.ask(Map.of("type", "ping", "uid", "a"))).isEqualTo(Map.of("type", "pong", "uid", "a"));
			assertThat(onB.ask(Map.of("type", "ping", "uid", "b"))).isEqualTo(Map.of("type", "pong", "uid", "b"));

			int duringOutage = create(portA, adminA, "Written while Redis is down");
			assertThat(createdIds(onA.next())).containsExactly(duringOutage);
			// the article, its activity row and its revision: one notification each
			assertThat(details(portA)).containsEntry("buffered", 3);

			redis.startAgain();
			await().until(() -> "UP".equals(health(portA).get("status")) && "UP".equals(health(portB).get("status")));
			int marker = create(portA, adminA, "Marker from A");
			int fromB = create(portB, adminA, "Marker from B");

			assertThat(createdIds(onB.next())).containsExactly(duringOutage);
			assertThat(createdIds(onB.next())).containsExactly(marker);
			assertThat(createdIds(onB.next())).containsExactly(fromB);
			assertThat(createdIds(onA.next())).containsExactly(marker);
			assertThat(createdIds(onA.next())).containsExactly(fromB);
			assertThat(details(portA)).containsEntry("buffered", 0).containsEntry("dropped", 0);
		}
	}

	/**
	 * Arguments, as they outrank the standalone app's own defaults as the environment
	 * does.
	 */
	private static ConfigurableApplicationContext instance(String stream) {
		return new SpringApplicationBuilder(TidingsApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + POSTGRES + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=4",
				"--tidings.cluster.redis-url=" + redis.url(), "--tidings.cluster.stream-key=" + stream,
				"--tidings.cluster.retry-interval=200ms", "--tidings.websockets.enabled=true");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static SocketClient subscribed(int port, String email, String password) {
		SocketClient client = SocketClient.open(port, "?access_token=" + SocketClient.token(port, email, password));
		Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live",
				"query", Map.of("fields", List.of("id", "title"), "limit", 1)));
		assertThat(init).containsEntry("event", "init");
		return client;
	}

	@SuppressWarnings("unchecked")
	private static int create(int port, String token, String title) {
		Map<String, Object> reply = Rest.send(port, token, "POST", "/items/articles",
				Map.of("title", title, "status", "published"));
		return (Integer) ((Map<String, Object>) reply.get("data")).get("id");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> push) {
		assertThat(push).containsEntry("type", "subscription").containsEntry("event", "create");
		return (List<Map<String, Object>>) push.get("data");
	}

	private static List<Object> createdIds(Map<String, Object> push) {
		return rows(push).stream().map((row) -> row.get("id")).toList();
	}

	private static Map<String, Object> readerReadPermission() {
		Map<String, Object> permission = readerReadPermissionOrNull();
		assertThat(permission).as("the Reader's read permission").isNotNull();
		return permission;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readerReadPermissionOrNull() {
		Map<String, Object> policies = Rest.send(portA, adminA, "GET",
				"/policies?fields=id&filter=" + encode("{\"name\":{\"_eq\":\"Reader\"}}"), null);
		Object policy = ((List<Map<String, Object>>) policies.get("data")).get(0).get("id");
		Map<String, Object> permissions = Rest.send(portA, adminA, "GET", "/permissions?filter="
				+ encode("{\"policy\":{\"_eq\":\"" + policy + "\"},\"action\":{\"_eq\":\"read\"}}"), null);
		List<Map<String, Object>> found = (List<Map<String, Object>>) permissions.get("data");
		return found.isEmpty() ? null : found.get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> health(int port) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					// only an administrator sees the components
					.header("Authorization", "Bearer " + adminA)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return SocketClient.json.readValue(response.body(), Map.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tidingsHealth(int port) {
		return (Map<String, Object>) ((Map<String, Object>) health(port).get("components")).get("tidings");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(int port) {
		return (Map<String, Object>) tidingsHealth(port).get("details");
	}

	private static int status(int port, String token, String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement jdbc = connection.createStatement()) {
			jdbc.execute(statement);
		}
	}

}
