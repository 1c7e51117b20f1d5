package dev.tidings.library;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code library_settings} is a singleton: {@code /items/library_settings} reads its one
 * item as an object (its defaults before it exists) and a PATCH upserts it, over REST and
 * over the socket alike; creating or naming an item is a route that does not exist.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-singleton;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingletonApiTests {

	private static final String EMAIL = "clerk@example.com";

	private static final String PASSWORD = "clerk-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private ApiClient clerk;

	@BeforeAll
	void grantClerk() {
		this.admin = new ApiClient(this.port).asAdmin();
		Object role = this.admin.post("/roles", json(Map.of("name", "clerks"))).item().get("id");
		Object policy = this.admin
			.post("/policies", json(Map.of("name", "clerk", "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		this.admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
		this.admin.post("/permissions",
				json(List.of(
						Map.of("policy", policy, "collection", "library_settings", "action", "read", "fields",
								List.of("id", "library_name", "notice")),
						Map.of("policy", policy, "collection", "library_settings", "action", "update", "fields",
								List.of("notice")),
						Map.of("policy", policy, "collection", "library_settings", "action", "create", "fields",
								List.of("notice")))))
			.items();
		this.admin.post("/users", json(Map.of("email", EMAIL, "password", PASSWORD, "role", role))).item();
		this.clerk = new ApiClient(this.port).as(EMAIL, PASSWORD);
	}

	@BeforeEach
	void empty() {
		Object id = this.admin.get("/items/library_settings").item().get("id");
		while (id != null) {
			this.admin.delete("/items/library_settings/" + id);
			id = this.admin.get("/items/library_settings").item().get("id");
		}
	}

	@Test
	void readWhenNoItemThenDefaultsWithNullKeyOnlyOfRequestedFields() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("id", null);
		defaults.put("library_name", "Tidings Library");
		defaults.put("loan_days", 21);
		defaults.put("open_on_sunday", false);
		assertThat(this.admin.get("/items/library_settings").item()).isEqualTo(defaults);
		assertThat(this.admin.get("/items/library_settings?fields=loan_days,notice").item())
			.isEqualTo(Map.of("loan_days", 21));
	}

	@Test
	void patchWhenNoItemThenCreatesItAndThenUpdatesThatOne() {
		Map<String, Object> created = this.admin
			.patch("/items/library_settings", json(Map.of("notice", "Closed on Monday")))
			.item();
		assertThat(created).containsEntry("notice", "Closed on Monday").containsEntry("loan_days", 21);
		assertThat(created.get("id")).isNotNull();
		Map<String, Object> updated = this.admin
			.patch("/items/library_settings?fields=id,notice,loan_days", json(Map.of("loan_days", 14)))
			.item();
		assertThat(updated).isEqualTo(Map.of("id", created.get("id"), "notice", "Closed on Monday", "loan_days", 14));
		assertThat(this.admin.get("/items/library_settings?fields=loan_days").item())
			.isEqualTo(Map.of("loan_days", 14));
	}

	@Test
	void createOrPatchByIdWhenSingletonThenRouteNotFound() {
		Object id = this.admin.patch("/items/library_settings", json(Map.of("notice", "x"))).item().get("id");
		this.admin.post("/items/library_settings", json(Map.of("notice", "y"))).error(404, "ROUTE_NOT_FOUND");
		this.admin.patch("/items/library_settings/" + id, json(Map.of("notice", "y"))).error(404, "ROUTE_NOT_FOUND");
		this.admin.patch("/items/library_settings", json(List.of(Map.of("notice", "y")))).error(400, "INVALID_PAYLOAD");
		assertThat(this.admin.get("/items/library_settings/" + id + "?fields=notice").item())
			.isEqualTo(Map.of("notice", "x"));
	}

	@Test
	void readAndUpsertWhenCallerHasFieldGrantsThenOnlyThoseFieldsAndWrites() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("id", null);
		defaults.put("library_name", "Tidings Library");
		assertThat(this.clerk.get("/items/library_settings").item()).isEqualTo(defaults);
		this.clerk.get("/items/library_settings?fields=loan_days").error(403, "FORBIDDEN");
		this.clerk.patch("/items/library_settings", json(Map.of("loan_days", 3))).error(403, "FORBIDDEN");
		Map<String, Object> written = this.clerk
			.patch("/items/library_settings", json(Map.of("notice", "Quiet please")))
			.item();
		assertThat(written).containsOnlyKeys("id", "library_name", "notice").containsEntry("notice", "Quiet please");
		assertThat(this.admin.get("/items/library_settings?fields=loan_days,notice").item())
			.isEqualTo(Map.of("loan_days", 21, "notice", "Quiet please"));
		this.admin.anonymous().get("/items/library_settings").error(403, "FORBIDDEN");
	}

	@Test
	void searchWhenSingletonThenObjectReadWithTheBodyQuery() {
		this.admin.patch("/items/library_settings", json(Map.of("notice", "Open late")));
		assertThat(this.admin
			.send("SEARCH", "/items/library_settings?fields=id", ApiClient.JSON,
					BodyPublishers.ofString(json(Map.of("query", Map.of("fields", List.of("notice"))))))
			.item()).isEqualTo(Map.of("notice", "Open late"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void socketWhenReadOrUpdateWithoutIdThenTheOneItemAndSubscribeInitListsIt() {
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + this.admin.bearer())) {
			Map<String, Object> empty = socket.ask(Map.of("type", "items", "collection", "library_settings", "action",
					"read", "uid", "r1", "query", Map.of("fields", List.of("id", "loan_days"))));
			Map<String, Object> defaults = new LinkedHashMap<>();
			defaults.put("id", null);
			defaults.put("loan_days", 21);
			assertThat(empty.get("data")).isEqualTo(defaults);
			Map<String, Object> upserted = socket
				.ask(Map.of("type", "items", "collection", "library_settings", "action", "update", "uid", "u1", "data",
						Map.of("loan_days", 28), "query", Map.of("fields", List.of("id", "loan_days"))));
			Map<String, Object> item = (Map<String, Object>) upserted.get("data");
			assertThat(item).containsEntry("loan_days", 28);
			assertThat(item.get("id")).isNotNull();
			Map<String, Object> again = socket
				.ask(Map.of("type", "items", "collection", "library_settings", "action", "update", "uid", "u2", "data",
						Map.of("loan_days", 30), "query", Map.of("fields", List.of("id", "loan_days"))));
			assertThat(again.get("data")).isEqualTo(Map.of("id", item.get("id"), "loan_days", 30));
			// a subscription lists the collection's items, as for any collection
			Map<String, Object> init = socket.ask(Map.of("type", "subscribe", "collection", "library_settings", "uid",
					"s1", "query", Map.of("fields", List.of("loan_days"))));
			assertThat(init).containsEntry("event", "init");
			assertThat(init.get("data")).isEqualTo(List.of(Map.of("loan_days", 30)));
		}
	}

}
