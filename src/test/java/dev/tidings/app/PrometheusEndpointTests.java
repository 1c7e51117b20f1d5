package dev.tidings.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import dev.tidings.realtime.SocketClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} of the standalone app over real HTTP, after real pushes
 * over a real socket: what the meters say, and who may read them (administrators and the
 * holders of a metrics token, everybody else refused in the Directus envelope).
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:prometheus-endpoint-tests;DB_CLOSE_DELAY=-1",
				"tidings.admin.token=" + PrometheusEndpointTests.ADMIN_TOKEN,
				"tidings.standalone.metrics-tokens= " + PrometheusEndpointTests.METRICS_TOKEN + " , another-token" })
class PrometheusEndpointTests {

	static final String ADMIN_TOKEN = "prometheus-endpoint-tests-admin-token";

	static final String METRICS_TOKEN = "prometheus-endpoint-tests-metrics-token";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	PrometheusEndpointTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void scrapeWhenAChangeWasPushedThenTheRealtimeMetersCountItAndTimeIt() {
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + ADMIN_TOKEN)) {
			assertThat(socket.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live", "query",
					Map.of("fields", List.of("id", "title"), "limit", 1))))
				.containsEntry("event", "init");
			double created = value(scrape(), "tidings_realtime_pushes_total", "event=\"create\"");

			assertThat(call("POST", "/items/articles", "Bearer " + ADMIN_TOKEN,
					"{\"title\":\"Measured\",\"status\":\"published\"}")
				.statusCode()).isEqualTo(200);
			assertThat(socket.next()).containsEntry("type", "subscription").containsEntry("event", "create");

			// counted once the writer is done with the frame, just after the client has
			// it
			await().untilAsserted(() -> {
				String scrape = scrape();
				assertThat(value(scrape, "tidings_realtime_pushes_total", "event=\"create\"")).isEqualTo(created + 1);
				assertThat(value(scrape, "tidings_realtime_push_latency_seconds_count")).isGreaterThanOrEqualTo(1);
				assertThat(value(scrape, "tidings_realtime_connections")).isEqualTo(1);
			});
			String scrape = scrape();
			assertThat(scrape).contains("tidings_realtime_push_latency_seconds_bucket{");
			assertThat(value(scrape, "tidings_realtime_subscriptions", "collection=\"articles\"")).isEqualTo(1);
			assertThat(value(scrape, "tidings_realtime_subscriptions", "collection=\"comments\"")).isZero();
			assertThat(value(scrape, "tidings_realtime_dispatch_queue")).isZero();
			assertThat(value(scrape, "tidings_realtime_slow_closes_total")).isZero();
			// the observation of the change, as a timer
			assertThat(value(scrape, "tidings_change_seconds_count", "collection=\"articles\""))
				.isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void scrapeWhenALoginAndAnUpgradeAreRefusedThenTheAuthFailuresCountThemByCode() {
		String reason = "reason=\"INVALID_CREDENTIALS\"";
		double before = value(scrape(), "tidings_auth_failures_total", reason);

		assertThat(call("POST", "/auth/login", null, "{\"email\":\"admin@example.com\",\"password\":\"wrong\"}")
			.statusCode()).isEqualTo(401);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> SocketClient.open(this.port, "?access_token=not-a-token"));

		assertThat(value(scrape(), "tidings_auth_failures_total", reason)).isEqualTo(before + 2);
		assertThat(value(scrape(), "tidings_auth_failures_total", "reason=\"TOKEN_EXPIRED\"")).isZero();
	}

	@Test
	void scrapeWhenAnonymousThenForbiddenInTheEnvelope() {
		assertRefused(call("GET", "/actuator/prometheus", null, null), 403, "FORBIDDEN");
	}

	@Test
	void scrapeWhenTheUserIsNoAdministratorThenForbidden() {
		String reader = SocketClient.token(this.port, "reader@example.com", "reader-password-123");

		assertRefused(call("GET", "/actuator/prometheus", "Bearer " + reader, null), 403, "FORBIDDEN");
	}

	@Test
	void scrapeWhenTheBearerTokenIsInvalidThenItsOwnFailure() {
		assertRefused(call("GET", "/actuator/prometheus", "Bearer not-a-token", null), 401, "INVALID_CREDENTIALS");
	}

	@Test
	void scrapeWhenAMetricsTokenIsGivenAsDirectusOrPrometheusSendsItThenTheMeters() {
		for (String authorization : List.of("Metrics " + METRICS_TOKEN, "Bearer " + METRICS_TOKEN,
				"metrics another-token")) {
			HttpResponse<String> response = call("GET", "/actuator/prometheus", authorization, null);
			assertThat(response.statusCode()).as(authorization).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
			assertThat(response.body()).contains("tidings_realtime_connections");
		}
		assertRefused(call("GET", "/actuator/prometheus", "Metrics " + METRICS_TOKEN + "x", null), 403, "FORBIDDEN");
	}

	/** The scrape as an administrator reads it. */
	private String scrape() {
		HttpResponse<String> response = call("GET", "/actuator/prometheus", "Bearer " + ADMIN_TOKEN, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** The sample of the meter whose labels contain all of these. */
	private static double value(String scrape, String name, String... labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " " + Arrays.toString(labels) + " is not in the scrape"));
	}

	@SuppressWarnings("unchecked")
	private static void assertRefused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		Map<String, Object> body = json.readValue(response.body(), Map.class);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
		assertThat(errors).singleElement()
			.satisfies(
					(error) -> assertThat((Map<String, Object>) error.get("extensions")).containsEntry("code", code));
	}

	private HttpResponse<String> call(String method, String path, @Nullable String authorization,
			@Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
