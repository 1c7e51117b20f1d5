package dev.tidings.library;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The function-field queries on PostgreSQL, whose {@code EXTRACT} gives fractional
 * seconds and whose {@code GROUP BY} must recognise the grouped function in the select
 * list and the order.
 */
@Tag("postgres")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/library_function_queries",
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"tidings.websockets.enabled=true" })
class FunctionQueryPostgresTests extends FunctionQueryTests {

	// the tests share one instance, which is made (and the context started) before any
	// @BeforeAll could run
	static {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement sql = connection.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS library_function_queries WITH (FORCE)");
			sql.execute("CREATE DATABASE library_function_queries");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
