package dev.tidings.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.realtime.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cookie mode against cross-site request forgery: a request that changes something on the
 * strength of the session cookie alone comes from the page's own origin (no CORS is set
 * up here), and a socket opened on that cookie too; a token given explicitly is no
 * forgery risk and is accepted from anywhere, as in Directus.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:cookie-origin-tests;DB_CLOSE_DELAY=-1", "tidings.websockets.enabled=true" })
class CookieOriginTests {

	private static final String ELSEWHERE = "https://elsewhere.example";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private String own;

	private String cookie;

	@BeforeEach
	void signIn() {
		this.own = "http://localhost:" + this.port;
		// the cookie a browser holds in Directus's session mode: an access token
		this.cookie = "directus_session_token=" + new ApiClient(this.port).asAdmin().bearer();
	}

	@Test
	void writeWhenSessionCookieFromAnotherOriginThenForbiddenAndNothingWritten() throws Exception {
		HttpResponse<String> forged = create("Forged", ELSEWHERE, this.cookie, null);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(new ApiClient(this.port).asAdmin().get("/items/articles?filter[title][_eq]=Forged").items())
			.isEmpty();

		assertThat(create("Own page", this.own, this.cookie, null).statusCode()).isEqualTo(200);
		assertThat(create("No browser", null, this.cookie, null).statusCode()).isEqualTo(200);
		String token = new ApiClient(this.port).asAdmin().bearer();
		assertThat(create("Explicit token", ELSEWHERE, this.cookie, token).statusCode()).isEqualTo(200);
	}

	@Test
	void readWhenSessionCookieFromAnotherOriginThenServed() throws Exception {
		HttpResponse<String> read = this.http.send(HttpRequest.newBuilder(URI.create(this.own + "/items/articles"))
			.header("Cookie", this.cookie)
			.header("Origin", ELSEWHERE)
			.build(), BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
	}

	@Test
	void upgradeWhenSessionCookieFromAnotherOriginThenRefusedButTokenIsNot() {
		assertThat(SocketClient.refusal(this.port, "", Map.of("Cookie", this.cookie, "Origin", ELSEWHERE)))
			.isEqualTo(403);
		assertThat(SocketClient.refusal(this.port, "", Map.of("Cookie", this.cookie, "Origin", this.own)))
			.isEqualTo(101);
		String token = new ApiClient(this.port).asAdmin().bearer();
		assertThat(SocketClient.refusal(this.port, "?access_token=" + token, Map.of("Origin", ELSEWHERE)))
			.isEqualTo(101);
	}

	private HttpResponse<String> create(String title, String origin, String cookie, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.own + "/items/articles"))
			.header("Content-Type", "application/json")
			.header("Cookie", cookie)
			.POST(BodyPublishers.ofString(ApiClient.json(Map.of("title", title))));
		if (origin != null) {
			request.header("Origin", origin);
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
