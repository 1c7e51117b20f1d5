package dev.tidings.library;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Lob} attributes: a {@code String} is a {@code text} field, a {@code byte[]} a
 * {@code binary} field written and read as base64 text. PostgreSQL keeps large objects
 * apart from the row, so on every database they are tested only for null and never
 * sorted.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"tidings.websockets.enabled=true", "spring.datasource.url=jdbc:h2:mem:library-lobs;DB_CLOSE_DELAY=-1" })
class LargeObjectApiTests {

	private static final byte[] PORTRAIT = { 0, 1, 2, (byte) 0xfe, (byte) 0xff, 'G', 'I', 'F' };

	private final int port;

	private final ApiClient api;

	LargeObjectApiTests(@LocalServerPort int port) {
		this.port = port;
		this.api = new ApiClient(port).asAdmin();
	}

	@Test
	void writeWhenLobsThenTextAndBase64BytesReadBackAndPush() {
		String biography = "Born on Gont. ".repeat(2_000);
		String portrait = Base64.getEncoder().encodeToString(PORTRAIT);
		try (SocketClient watcher = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			assertThat(watcher.ask(Map.of("type", "subscribe", "collection", "author_profiles", "query",
					Map.of("fields", List.of("id", "portrait")))))
				.containsEntry("event", "init");

			Object id = this.api
				.post("/items/author_profiles", ApiClient.json(Map.of("biography", biography, "portrait", portrait)))
				.item()
				.get("id");

			assertThat(this.api.get("/items/author_profiles/" + id).item()).containsEntry("biography", biography)
				.containsEntry("portrait", portrait);
			assertThat(watcher.next()).containsEntry("event", "create")
				.containsEntry("data", List.of(Map.of("id", id, "portrait", portrait)));
		}
		assertThat(this.api
			.get("/items/author_profiles?fields=id&filter=" + ApiClient.encode("{\"portrait\":{\"_nnull\":true}}"))
			.items()).isNotEmpty();
	}

	@Test
	void writeWhenBytesAreNotBase64ThenInvalidPayloadNamingTheField() {
		String reason = this.api.post("/items/author_profiles", "{\"portrait\":\"not base64!\"}")
			.reason(400, "INVALID_PAYLOAD");

		assertThat(reason).contains("portrait");
	}

	@Test
	void filterOrSortWhenLargeTextSearchedOrOrderedThenInvalidQueryNamingTheField() {
		String search = this.api
			.get("/items/author_profiles?filter=" + ApiClient.encode("{\"biography\":{\"_contains\":\"Gont\"}}"))
			.reason(400, "INVALID_QUERY");
		String sort = this.api.get("/items/author_profiles?sort=biography").reason(400, "INVALID_QUERY");

		assertThat(search).contains("biography").contains("large object");
		assertThat(sort).contains("biography").contains("large object");
	}

	@Test
	void filterOrSortWhenEmbeddedLargeTextSearchedOrOrderedThenInvalidQueryAsAtTheTop() {
		String search = this.api
			.get("/items/members?filter=" + ApiClient.encode("{\"directions\":{\"_contains\":\"gate\"}}"))
			.reason(400, "INVALID_QUERY");
		String sort = this.api.get("/items/members?sort=directions").reason(400, "INVALID_QUERY");

		assertThat(search).contains("directions").contains("large object");
		assertThat(sort).contains("directions").contains("large object");
	}

	@Test
	void filterWhenBinaryComparedByValueThenInvalidQueryNamingFieldAndOperator() {
		String reason = this.api
			.get("/items/author_profiles?filter=" + ApiClient.encode("{\"portrait\":{\"_eq\":\"AAE=\"}}"))
			.reason(400, "INVALID_QUERY");

		assertThat(reason).contains("portrait").contains("_eq");
	}

}
