package dev.tidings.activity;

import java.sql.SQLException;

import dev.tidings.app.TidingsApplication;
import dev.tidings.library.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Activity and revisions on PostgreSQL: the migration's types, the quoted {@code user}
 * column, generated keys from a batch and the relational permission filter there.
 */
@Tag("postgres")
@SpringBootTest(classes = { TidingsApplication.class, ActivityTests.HostListener.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.datasource.username=postgres",
				"spring.datasource.password=", "tidings.websockets.enabled=true" })
class ActivityPostgresTests extends ActivityTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_activity");

	ActivityPostgresTests(@LocalServerPort int port) {
		super(port);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		SCHEMA.create(registry);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		SCHEMA.drop();
	}

}
