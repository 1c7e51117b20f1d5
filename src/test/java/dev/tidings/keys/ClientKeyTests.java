package dev.tidings.keys;

import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A key the client gives on create is the item's key, whatever generates keys otherwise
 * (identity, sequence, UUID, {@code @UuidGenerator}), as in Directus: a taken key is
 * {@code RECORD_NOT_UNIQUE} with nothing written, an item created without a key still
 * gets a generated one, and the key is a field the create permission has to list.
 */
@SpringBootTest(classes = KeysTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"tidings.websockets.enabled=true", "spring.datasource.url=jdbc:h2:mem:client-keys;DB_CLOSE_DELAY=-1" })
class ClientKeyTests {

	private final int port;

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ClientKeyTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@BeforeEach
	void empty() {
		for (String table : List.of("rooms", "tickets", "visitors", "badges", "tallies", "notes")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "rooms, 500", "tickets, 500", "visitors, '\"5b0f1c52-6d1e-4c55-9a1b-0c4f3e2d1a10\"'",
			"badges, '\"1ef2a3b4-c5d6-17e8-9f00-112233445566\"'" })
	void createWhenKeyGivenThenInsertedWithItAndLaterItemsStillGetGeneratedKeys(String collection, String key) {
		Object given = ApiClient.parse(key);

		Map<String, Object> created = this.api
			.post("/items/" + collection + "?fields=id,name", "{\"id\":" + key + ",\"name\":\"given\"}")
			.item();
		Map<String, Object> generated = this.api.post("/items/" + collection + "?fields=id", "{\"name\":\"generated\"}")
			.item();

		assertThat(created).isEqualTo(Map.of("id", given, "name", "given"));
		assertThat(this.api.get("/items/" + collection + "/" + given + "?fields=name").item())
			.isEqualTo(Map.of("name", "given"));
		assertThat(generated.get("id")).isNotNull().isNotEqualTo(given);
		assertThat(this.api.get("/items/" + collection + "/" + generated.get("id") + "?fields=name").item())
			.isEqualTo(Map.of("name", "generated"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "rooms, 500", "tickets, 500", "visitors, '\"5b0f1c52-6d1e-4c55-9a1b-0c4f3e2d1a10\"'",
			"badges, '\"1ef2a3b4-c5d6-17e8-9f00-112233445566\"'" })
	void createWhenGivenKeyIsTakenThenRecordNotUniqueAndNothingChanged(String collection, String key) {
		Object given = ApiClient.parse(key);
		this.api.post("/items/" + collection, "{\"id\":" + key + ",\"name\":\"first\"}").item();

		Map<String, Object> again = this.api.post("/items/" + collection, "{\"id\":" + key + ",\"name\":\"second\"}")
			.error(400, "RECORD_NOT_UNIQUE");
		Map<String, Object> inOneBatch = this.api
			.post("/items/" + collection, "[{\"name\":\"third\"},{\"id\":" + key + ",\"name\":\"fourth\"}]")
			.error(400, "RECORD_NOT_UNIQUE");

		assertThat(again).isEqualTo(
				Map.of("message",
						"Value \"" + given + "\" for field \"id\" in collection \"" + collection
								+ "\" has to be unique.",
						"extensions",
						Map.of("collection", collection, "field", "id", "value", given, "code", "RECORD_NOT_UNIQUE")));
		assertThat(Reply.extensions(inOneBatch)).containsEntry("field", "id");
		assertThat(this.jdbc.queryForList("SELECT name FROM " + collection, String.class)).containsExactly("first");
	}

	@ParameterizedTest
	@CsvSource({ "visitors", "badges" })
	void createWhenGivenUuidKeyIsMalformedThenInvalidPayload(String collection) {
		assertThat(this.api.post("/items/" + collection, "{\"id\":\"not-a-uuid\",\"name\":\"x\"}")
			.reason(400, "INVALID_PAYLOAD")).isEqualTo("Value for field \"id\" is not a valid UUID");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + collection, Integer.class)).isZero();
	}

	@Test
	void createWhenPrimitiveGeneratedKeyGivenThenInvalidPayload() {
		assertThat(this.api.post("/items/tallies", "{\"id\":7,\"name\":\"x\"}").reason(400, "INVALID_PAYLOAD"))
			.isEqualTo("The primary key \"id\" is generated");
		assertThat(this.api.post("/items/tallies?fields=name", "{\"name\":\"y\"}").item())
			.isEqualTo(Map.of("name", "y"));
		assertThat(this.api.post("/items/tallies?fields=name", "{\"name\":\"z\"}").item())
			.isEqualTo(Map.of("name", "z"));
	}

	@Test
	void createOverTheSocketWithKeyThenInsertedWithItAndPushedUnderIt() {
		String query = "?access_token="
				+ SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD);
		try (SocketClient client = SocketClient.open(this.port, query);
				SocketClient watcher = SocketClient.open(this.port, query)) {
			assertThat(watcher.ask(Map.of("type", "subscribe", "collection", "rooms", "uid", "watch")))
				.containsEntry("event", "init");

			Map<String, Object> created = client.ask(Map.of("type", "items", "collection", "rooms", "action", "create",
					"data", Map.of("id", 900, "name", "socket"), "query", Map.of("fields", "id,name")));
			Map<String, Object> taken = client.ask(Map.of("type", "items", "collection", "rooms", "action", "create",
					"data", Map.of("id", 900, "name", "again")));

			assertThat(created).containsEntry("data", Map.of("id", 900, "name", "socket"));
			assertThat(taken).containsEntry("status", "error");
			assertThat(((Map<?, ?>) taken.get("error")).get("code")).isEqualTo("RECORD_NOT_UNIQUE");
			assertThat(watcher.next()).containsEntry("event", "create").containsEntry("keys", List.of(900));
		}
		assertThat(this.jdbc.queryForList("SELECT name FROM rooms WHERE id = 900", String.class))
			.containsExactly("socket");
	}

	@Test
	void createWhenPermissionLeavesOutTheKeyThenGivingItIsForbidden() {
		ApiClient nameOnly = creator("name-only", List.of("name"));
		ApiClient withKey = creator("with-key", List.of("id", "name"));

		assertThat(nameOnly.post("/items/rooms", "{\"id\":41,\"name\":\"x\"}").reason(403, "FORBIDDEN")).isEqualTo(
				"You don't have permission to access field \"id\" in collection \"rooms\" or it does not exist. Queried in root.");
		nameOnly.post("/items/rooms", "{\"name\":\"generated\"}").item();
		assertThat(withKey.post("/items/rooms?fields=id", "{\"id\":42,\"name\":\"given\"}").item())
			.isEqualTo(Map.of("id", 42));
		assertThat(this.jdbc.queryForList("SELECT name FROM rooms ORDER BY name", String.class))
			.containsExactly("generated", "given");
	}

	@Test
	void persistFromHostCodeOutsideContentCollectionsStillRefusesAGivenKey(@Autowired EntityManager entityManager,
			@Autowired TransactionTemplate transactions) {
		Throwable refusal = catchThrowable(
				() -> transactions.executeWithoutResult((status) -> entityManager.persist(new Note(5L, "host"))));

		assertThat(refusal).isInstanceOf(EntityExistsException.class);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM notes", Integer.class)).isZero();
	}

	/**
	 * A client logged in as a new user who may read rooms and create them with the
	 * fields.
	 */
	private ApiClient creator(String name, List<String> fields) {
		Object role = this.api.post("/roles", json(Map.of("name", name))).item().get("id");
		Object policy = this.api
			.post("/policies", json(Map.of("name", name, "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		this.api.post("/access", json(Map.of("role", role, "policy", policy))).item();
		this.api
			.post("/permissions",
					json(List.of(
							Map.of("policy", policy, "collection", "rooms", "action", "read", "fields", List.of("*")),
							Map.of("policy", policy, "collection", "rooms", "action", "create", "fields", fields))))
			.items();
		String email = name + "@example.com";
		this.api.post("/users", json(Map.of("email", email, "password", name + "-password-1", "role", role))).item();
		return new ApiClient(this.port).as(email, name + "-password-1");
	}

}
