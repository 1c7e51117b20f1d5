package dev.tidings.rest;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SEARCH /items/{collection}} (and on the system collections' routes) reads as GET
 * with the query in the body, which replaces the URL's, and {@code keys} reading those
 * items; a body of any other shape is {@code INVALID_PAYLOAD}. Sent by a real HTTP client
 * through Tomcat and the dispatcher.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:search-method-tests;DB_CLOSE_DELAY=-1")
class SearchMethodTests {

	private final ApiClient admin;

	private final ApiClient reader;

	private final JdbcTemplate jdbc;

	SearchMethodTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.admin = new ApiClient(port).asAdmin();
		this.reader = new ApiClient(port).as("reader@example.com", "reader-password-123");
		this.jdbc = jdbc;
	}

	@BeforeEach
	void startFromTheSeed() {
		DemoRows.reset(this.jdbc);
	}

	@Test
	void searchWhenBodyQueryThenSameAnswerAsGetWithThatQuery() {
		Map<String, Object> query = Map.of("fields", List.of("id", "title"), "filter",
				Map.of("views", Map.of("_gt", 10)), "sort", List.of("-id"), "limit", 3, "meta", "filter_count");
		Reply searched = search(this.admin, "/items/articles", Map.of("query", query));
		Reply got = this.admin.get("/items/articles?fields=id,title&sort=-id&limit=3&meta=filter_count&filter="
				+ encode(json(Map.of("views", Map.of("_gt", 10)))));
		assertThat(searched.items()).hasSize(3).isEqualTo(got.items());
		assertThat(searched.meta()).isEqualTo(got.meta());
	}

	@Test
	void searchWhenBodyQueryThenUrlQueryIgnoredAndWithoutOneUrlQueryApplies() {
		String url = "/items/articles?fields=title&filter=" + encode(json(Map.of("id", Map.of("_eq", 1))));
		assertThat(search(this.admin, url,
				Map.of("query", Map.of("fields", List.of("id"), "sort", List.of("id"), "limit", 2)))
			.items()).isEqualTo(List.of(Map.of("id", 1), Map.of("id", 2)));
		assertThat(search(this.admin, "/items/articles?fields=id&sort=-id", Map.of("keys", List.of(1, "3"))).items())
			.isEqualTo(List.of(Map.of("id", 3), Map.of("id", 1)));
	}

	@Test
	void searchWhenReaderThenOnlyWhatItMayRead() {
		List<Map<String, Object>> published = this.reader.get("/items/articles?fields=id&sort=id&limit=-1").items();
		assertThat(search(this.reader, "/items/articles",
				Map.of("query", Map.of("fields", List.of("id"), "sort", List.of("id"), "limit", -1)))
			.items()).isEqualTo(published).hasSizeLessThan(DemoRows.SEEDED_ARTICLES);
		search(this.reader, "/items/articles", Map.of("query", Map.of("fields", List.of("body")))).error(403,
				"FORBIDDEN");
		search(this.reader, "/users", Map.of("query", Map.of())).error(403, "FORBIDDEN");
	}

	@Test
	void searchWhenSystemCollectionThenReadsIt() {
		assertThat(search(this.admin, "/users",
				Map.of("query",
						Map.of("fields", List.of("email"), "filter",
								Map.of("email", Map.of("_eq", "reader@example.com")))))
			.items()).isEqualTo(List.of(Map.of("email", "reader@example.com")));
	}

	@Test
	void searchWhenBodyMalformedThenInvalidPayloadOrQuery() {
		search(this.admin, "/items/articles", List.of()).error(400, "INVALID_PAYLOAD");
		search(this.admin, "/items/articles", Map.of("query", 5)).error(400, "INVALID_PAYLOAD");
		search(this.admin, "/items/articles", Map.of("keys", "1")).error(400, "INVALID_PAYLOAD");
		search(this.admin, "/items/articles", Map.of("keys", List.of(Map.of()))).error(400, "INVALID_PAYLOAD");
		search(this.admin, "/items/articles", Map.of("data", Map.of())).error(400, "INVALID_PAYLOAD");
		this.admin.send("SEARCH", "/items/articles", ApiClient.JSON, BodyPublishers.ofString("{\"query\":"))
			.error(400, "INVALID_PAYLOAD");
		search(this.admin, "/items/articles", Map.of("query", Map.of("limit", "many"))).error(400, "INVALID_QUERY");
	}

	@Test
	void unknownMethodWhenNotSearchThenMethodNotAllowedEnvelope() {
		this.admin.send("PUT", "/items/articles", ApiClient.JSON, BodyPublishers.ofString("{}"))
			.error(405, "METHOD_NOT_ALLOWED");
	}

	private static Reply search(ApiClient client, String path, Object body) {
		return client.send("SEARCH", path, ApiClient.JSON, BodyPublishers.ofString(json(body)));
	}

}
