package dev.tidings.host.schema;

import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What every host schema test checks once the host has started. */
final class HostSchema {

	private HostSchema() {
	}

	/** The tables of the database, lower case. */
	static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList(
				"SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class);
	}

	/**
	 * The host's table works through the host's own SQL and through Tidings, and Tidings
	 * keeps its migrations in a history table of its own.
	 */
	static void assertHostAndTidingsBothWork(JdbcTemplate jdbc, int port) {
		jdbc.update("INSERT INTO owners (name) VALUES ('from the host')");
		ApiClient admin = new ApiClient(port).asAdmin();
		admin.post("/items/owners", "{\"name\":\"from Tidings\"}").item();

		assertThat(admin.get("/items/owners?fields=name&sort=id").items())
			.containsExactly(Map.of("name", "from the host"), Map.of("name", "from Tidings"));
		assertThat(tables(jdbc)).contains("tidings_schema_history", "tidings_users");
	}

}
