package dev.tidings.rest;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests of shapes the fuzz suite found answered with 500: each is the client's fault
 * and gets a 4xx in the Directus envelope.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:malformed-request-tests;DB_CLOSE_DELAY=-1")
class MalformedRequestTests {

	private final int port;

	private final ApiClient api;

	MalformedRequestTests(@LocalServerPort int port) {
		this.port = port;
		this.api = new ApiClient(port).asAdmin();
	}

	@Test
	void readOneWhenAggregateThenInvalidQuery() {
		this.api.get("/items/articles/1?aggregate[count]=*").error(400, "INVALID_QUERY");
	}

	@Test
	void writeWhenContentTypeIsNoMediaTypeThenUnsupportedMediaType() {
		this.api.send("POST", "/items/articles", "garbage", BodyPublishers.ofString("{\"title\":\"x\"}"))
			.error(415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void writeWhenFormBodyOverTomcatsPostSizeThenUnsupportedMediaType() {
		String form = "title=" + "x".repeat(3 * 1024 * 1024);
		this.api.send("POST", "/items/articles", "application/x-www-form-urlencoded", BodyPublishers.ofString(form))
			.error(415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void writeWhenMultipartWithoutBoundaryThenUnsupportedMediaTypeOrForbiddenNeverAFailure() {
		for (ApiClient caller : List.of(this.api,
				new ApiClient(this.port).as("editor@example.com", "editor-password-123"))) {
			caller
				.send("PATCH", "/items/articles/1", "multipart/form-data", BodyPublishers.ofString("{\"title\":\"x\"}"))
				.error(415, "UNSUPPORTED_MEDIA_TYPE");
		}
		// the public may not update articles: told so before its body is looked at
		new ApiClient(this.port)
			.send("PATCH", "/items/articles/1", "multipart/form-data", BodyPublishers.ofString("{\"title\":\"x\"}"))
			.error(403, "FORBIDDEN");
	}

	@Test
	void deleteWhenFormBodyIsMalformedThenForbiddenOrUnsupportedNeverAFailure() {
		this.api
			.send("DELETE", "/items/articles", "application/x-www-form-urlencoded", BodyPublishers.ofString("a=%_%"))
			.error(415, "UNSUPPORTED_MEDIA_TYPE");
		new ApiClient(this.port)
			.send("DELETE", "/items/articles", "application/x-www-form-urlencoded", BodyPublishers.ofString("a=%_%"))
			.error(403, "FORBIDDEN");
	}

}
