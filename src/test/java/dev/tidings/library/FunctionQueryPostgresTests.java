package dev.tidings.library;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The function-field queries on PostgreSQL, whose {@code EXTRACT} gives fractional
 * seconds and whose {@code GROUP BY} must recognise the grouped function in the select
 * list and the order. The tables live in a schema of their own, dropped afterwards.
 */
@Tag("postgres")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.username=postgres", "tidings.websockets.enabled=true" })
class FunctionQueryPostgresTests extends FunctionQueryTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_function_queries");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		SCHEMA.create(registry);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		SCHEMA.drop();
	}

}
