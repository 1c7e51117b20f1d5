package dev.tidings.host.schema;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose schema is a Liquibase changelog: it runs as the host configured it, and no
 * Flyway history of anyone but Tidings appears. Runs in a Surefire execution of its own,
 * with Liquibase and without Boot's Flyway module on the class path.
 */
@SpringBootTest(classes = HostSchemaApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:host-liquibase;DB_CLOSE_DELAY=-1",
				"spring.liquibase.change-log=classpath:db/host-liquibase/changelog.yaml" })
class LiquibaseHostTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void startWhenHostMigratesWithLiquibaseThenItsChangelogMadeTheTable() {
		assertThat(this.jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class)).containsExactly("owners");
		assertThat(HostSchema.tables(this.jdbc)).doesNotContain("flyway_schema_history");
		HostSchema.assertHostAndTidingsBothWork(this.jdbc, this.port);
	}

}
