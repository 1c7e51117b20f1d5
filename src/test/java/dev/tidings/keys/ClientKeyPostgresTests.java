package dev.tidings.keys;

import java.sql.SQLException;
import java.util.Map;

import dev.tidings.library.PostgresSchema;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client-given keys on PostgreSQL: inserted through identity columns and sequences as on
 * H2, a taken key refused without spoiling the next request, and an identity column moved
 * past a given key, as Directus resets a serial column. The tables live in a schema of
 * their own, dropped afterwards.
 */
@Tag("postgres")
@SpringBootTest(classes = KeysTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.username=postgres", "spring.datasource.hikari.maximum-pool-size=3" })
class ClientKeyPostgresTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_keys");

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ClientKeyPostgresTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		SCHEMA.create(registry);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		SCHEMA.drop();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "rooms, 5000", "tickets, 5000", "visitors, '\"5b0f1c52-6d1e-4c55-9a1b-0c4f3e2d1a10\"'" })
	void createWhenKeyGivenThenInsertedWithItTakenOnceAndGeneratedKeysStillFollow(String collection, String key) {
		Object given = ApiClient.parse(key);

		Map<String, Object> created = this.api
			.post("/items/" + collection + "?fields=id", "{\"id\":" + key + ",\"name\":\"given\"}")
			.item();
		Map<String, Object> taken = this.api.post("/items/" + collection, "{\"id\":" + key + ",\"name\":\"again\"}")
			.error(400, "RECORD_NOT_UNIQUE");
		Map<String, Object> generated = this.api.post("/items/" + collection + "?fields=id", "{\"name\":\"generated\"}")
			.item();

		assertThat(created).isEqualTo(Map.of("id", given));
		assertThat(Reply.extensions(taken)).containsEntry("field", "id").containsEntry("value", given);
		assertThat(generated.get("id")).isNotNull().isNotEqualTo(given);
		assertThat(this.api.get("/items/" + collection + "/" + given + "?fields=name").item())
			.isEqualTo(Map.of("name", "given"));
		assertThat(this.api.get("/items/" + collection + "/" + generated.get("id") + "?fields=name").item())
			.isEqualTo(Map.of("name", "generated"));
	}

	@Test
	void createWhenKeyGivenAheadOfTheIdentityThenTheIdentityMovesPastIt() {
		int last = (Integer) this.api.post("/items/rooms?fields=id", "{\"name\":\"first\"}").item().get("id");
		this.api.post("/items/rooms", "{\"id\":" + (last + 10) + ",\"name\":\"ahead\"}").item();
		this.api.post("/items/rooms", "{\"id\":" + (last + 5) + ",\"name\":\"behind\"}").item();

		Map<String, Object> next = this.api.post("/items/rooms?fields=id", "{\"name\":\"next\"}").item();

		assertThat(next).isEqualTo(Map.of("id", last + 11));
		assertThat(this.jdbc.queryForObject("SELECT name FROM rooms WHERE id = ?", String.class, last + 10))
			.isEqualTo("ahead");
	}

}
