package dev.tidings.library;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The change log on PostgreSQL, whose row locks and commits order it there. */
@Tag("postgres")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.username=postgres", "spring.datasource.password=", "tidings.websockets.enabled=true",
				"tidings.activity.enabled=false" })
class ChangeLogPostgresTests extends ChangeLogTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_change_log");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		SCHEMA.create(registry);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		SCHEMA.drop();
	}

}
