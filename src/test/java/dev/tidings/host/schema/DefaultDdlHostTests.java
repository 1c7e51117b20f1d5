package dev.tidings.host.schema;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that relies on Boot's default {@code ddl-auto} for an embedded database
 * ({@code create-drop} unless a schema manager is present): depending on Tidings must not
 * bring Boot's Flyway in and turn that default to {@code none}. Runs in a Surefire
 * execution of its own, without Boot's Flyway and Liquibase modules on the class path, as
 * a host that uses neither has them.
 */
@SpringBootTest(classes = HostSchemaApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:host-default-ddl;DB_CLOSE_DELAY=-1")
class DefaultDdlHostTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Test
	void startWhenHostReliesOnDefaultDdlAutoThenHibernateStillCreatesItsTables() {
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isNull();
		assertThat(HostSchema.tables(this.jdbc)).contains("owners").doesNotContain("flyway_schema_history");
		HostSchema.assertHostAndTidingsBothWork(this.jdbc, this.port);
	}

}
