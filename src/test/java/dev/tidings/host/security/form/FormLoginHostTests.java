package dev.tidings.host.security.form;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tidings.host.security.HostRoutes;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host with its own form-login chain: Tidings works as it does alone, the host's own
 * routes still send an anonymous visitor to the login page, and a user logged in to the
 * host is a Tidings user on the same session, held to the page's own origin.
 */
@SpringBootTest(classes = FormLoginHostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:host-form-login;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.auth.bridge.role-mapping.KEEPER=" + HostRoutes.KEEPERS })
class FormLoginHostTests {

	@LocalServerPort
	int port;

	@Test
	void requestWhenHostUsesFormLoginThenTidingsRoutesWorkAndHostRoutesAskForLogin() throws Exception {
		HostRoutes.assertTidingsWorksUnchanged(this.port);

		HttpResponse<String> hello = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(hello.statusCode()).isEqualTo(302);
		assertThat(hello.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void requestWhenLoggedInToHostThenTidingsUserOnSameSessionFromOwnOriginOnly() throws Exception {
		HostRoutes.createKeepersRole(this.port);
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String own = "http://localhost:" + this.port;
		logIn(browser, own);

		HttpResponse<String> created = browser.send(json(own + "/items/pets", "{\"name\":\"Carol's dog\"}", own),
				HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		HttpResponse<String> read = browser.send(
				HttpRequest.newBuilder(URI.create(own + "/items/pets?fields=name")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.body()).contains("Carol's dog");

		HttpResponse<String> crossSite = browser.send(
				json(own + "/items/pets", "{\"name\":\"Planted\"}", "http://evil.test"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).contains("FORBIDDEN");

		String session = "JSESSIONID=" + cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		try (SocketClient socket = SocketClient.open(this.port, "", Map.of("Cookie", session, "Origin", own))) {
			assertThat(socket
				.ask(Map.of("type", "subscribe", "collection", "pets", "query", Map.of("fields", List.of("name")))))
				.containsEntry("event", "init");
			new ApiClient(this.port).asAdmin().post("/items/pets", "{\"name\":\"Seen by Carol\"}").item();
			assertThat(socket.next()).containsEntry("event", "create")
				.containsEntry("data", List.of(Map.of("name", "Seen by Carol")));
		}
		assertThat(SocketClient.refusal(this.port, "", Map.of("Cookie", session, "Origin", "http://evil.test")))
			.isEqualTo(403);
	}

	/** Logs in through the host's own login form, CSRF token and all. */
	private static void logIn(HttpClient browser, String own) throws Exception {
		String page = browser
			.send(HttpRequest.newBuilder(URI.create(own + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as(page).isTrue();
		String form = "username=carol&password=carol-pw&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(own + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
	}

	private static HttpRequest json(String url, String body, String origin) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Origin", origin)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
