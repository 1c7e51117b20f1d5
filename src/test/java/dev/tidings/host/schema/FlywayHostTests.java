package dev.tidings.host.schema;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose schema is its own Flyway migrations (Boot's Flyway, its own locations):
 * they run as the host configured them, with their own history, beside Tidings' own.
 */
@SpringBootTest(classes = HostSchemaApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:host-flyway;DB_CLOSE_DELAY=-1", "spring.flyway.enabled=true",
				"spring.flyway.locations=classpath:db/host-flyway" })
class FlywayHostTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void startWhenHostMigratesWithFlywayThenItsHistoryHoldsOnlyItsOwnMigrations() {
		assertThat(this.jdbc.queryForList("SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'",
				String.class))
			.containsExactly("V1__owners.sql");
		HostSchema.assertHostAndTidingsBothWork(this.jdbc, this.port);
	}

}
