package dev.tidings.app;

import java.net.URI;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tidings.realtime.SocketClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone app's CORS from Directus's settings, over real HTTP: a browser on a
 * listed origin (or one its pattern covers) gets its preflight answered, SEARCH included,
 * and a real request the allow-origin header; any other origin is refused.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:standalone-cors-tests;DB_CLOSE_DELAY=-1", "CORS_ENABLED=true",
				"CORS_ORIGIN=https://app.example, https://*.trusted.example", "CORS_MAX_AGE=600",
				"WEBSOCKETS_ENABLED=true" })
class StandaloneCorsTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void preflightWhenOriginListedThenAnsweredWithDirectusDefaultsAndSearch() throws Exception {
		HttpResponse<String> preflight = preflight("https://app.example", "SEARCH");

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
				(methods) -> assertThat(methods.split(",\\s*")).contains("GET", "POST", "PATCH", "DELETE", "SEARCH"));
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
		assertThat(preflight("https://eu.trusted.example", "PATCH").headers().firstValue("Access-Control-Allow-Origin"))
			.hasValue("https://eu.trusted.example");
	}

	@Test
	void requestWhenOriginNotListedThenRefusedAndListedOneGetsTheHeader() throws Exception {
		assertThat(preflight("https://evil.example", "GET").statusCode()).isEqualTo(403);

		HttpResponse<String> read = http.send(
				HttpRequest.newBuilder(url("/server/ping")).header("Origin", "https://app.example").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		assertThat(read.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Content-Range");
	}

	@Test
	void originsWhenDirectusSpellingsThenAnyNoneOrTheList() {
		assertThat(StandaloneCors.origins("true")).containsExactly("*");
		assertThat(StandaloneCors.origins("false")).isEmpty();
		assertThat(StandaloneCors.origins("https://a.example,https://b.example")).containsExactly("https://a.example",
				"https://b.example");
	}

	@Test
	void upgradeWhenNoWebSocketOriginsSetThenTheCorsOriginsMayConnect() {
		assertThat(SocketClient.refusal(this.port, "", Map.of("Origin", "https://app.example"))).isEqualTo(101);
		assertThat(SocketClient.refusal(this.port, "", Map.of("Origin", "https://eu.trusted.example"))).isEqualTo(101);
		assertThat(SocketClient.refusal(this.port, "", Map.of("Origin", "https://elsewhere.example"))).isEqualTo(403);
	}

	private HttpResponse<String> preflight(String origin, String method) throws Exception {
		return http.send(HttpRequest.newBuilder(url("/items/articles"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
