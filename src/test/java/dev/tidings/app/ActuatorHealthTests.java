package dev.tidings.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/health} of the standalone app over real HTTP: anonymous callers learn
 * only the status, an administrator's bearer token shows the components, Tidings' own
 * among them although no Redis is configured.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:actuator-health-tests;DB_CLOSE_DELAY=-1",
				"tidings.admin.token=" + ActuatorHealthTests.ADMIN_TOKEN })
class ActuatorHealthTests {

	static final String ADMIN_TOKEN = "actuator-health-tests-admin-token";

	private static final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	ActuatorHealthTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void healthWhenAnonymousThenOnlyTheStatus() throws Exception {
		assertOnlyTheStatus(health(null));
	}

	@Test
	void healthWhenTheTokenIsNotAnAdministratorsThenOnlyTheStatus() throws Exception {
		assertOnlyTheStatus(health("not-a-token"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthWhenAnAdministratorAsksThenTheComponentsWithTheirDetails() throws Exception {
		Map<String, Object> health = health(ADMIN_TOKEN);

		assertThat(health).containsEntry("status", "UP");
		Map<String, Object> components = (Map<String, Object>) health.get("components");
		assertThat(components).containsKeys("db", "diskSpace", "tidings");
		assertThat((Map<String, Object>) components.get("db")).containsKey("details");
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthWhenThereIsNoClusterThenTidingsShowsThisInstancesSocketsAndSubscriptions() throws Exception {
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + ADMIN_TOKEN)) {
			assertThat(socket.ask(Map.of("type", "subscribe", "collection", "articles", "query",
					Map.of("fields", List.of("id"), "limit", 1))))
				.containsEntry("event", "init");

			Map<String, Object> tidings = (Map<String, Object>) ((Map<String, Object>) health(ADMIN_TOKEN)
				.get("components")).get("tidings");

			assertThat(tidings).containsEntry("status", "UP");
			assertThat((Map<String, Object>) tidings.get("details")).containsEntry("connections", 1)
				.hasEntrySatisfying("changeFeed", (cursor) -> assertThat(cursor).asString().matches("[0-9a-f]{8}-\\d+"))
				.containsEntry("subscriptions", 1)
				.containsEntry("dispatchQueue", 0)
				.doesNotContainKey("redis");
		}
		// the socket's subscription leaves with it
		await().untilAsserted(
				() -> assertThat(tidingsDetails()).containsEntry("connections", 0).containsEntry("subscriptions", 0));
	}

	@Test
	@SuppressWarnings("unchecked")
	void readinessWhenTheChangeFeedRunsThenUpWithTidingsAmongItsComponents() throws Exception {
		assertOnlyTheStatus(health(null, "/readiness"));
		assertThat(health(null, "/liveness")).containsEntry("status", "UP");

		Map<String, Object> components = (Map<String, Object>) health(ADMIN_TOKEN, "/readiness").get("components");
		assertThat(components).containsOnlyKeys("readinessState", "tidings");
		assertThat((Map<String, Object>) components.get("tidings")).containsEntry("status", "UP");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> tidingsDetails() throws IOException, InterruptedException {
		Map<String, Object> components = (Map<String, Object>) health(ADMIN_TOKEN).get("components");
		return (Map<String, Object>) ((Map<String, Object>) components.get("tidings")).get("details");
	}

	/**
	 * The status, and the names of the probe groups Boot lists (the same on every
	 * instance); no component, detail, path or id.
	 */
	private static void assertOnlyTheStatus(Map<String, Object> health) {
		assertThat(health).containsEntry("status", "UP");
		assertThat(health.keySet()).isSubsetOf("status", "groups");
	}

	private Map<String, Object> health(String token) throws IOException, InterruptedException {
		return health(token, "");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> health(String token, String group) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health" + group));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readValue(response.body(), Map.class);
	}

}
