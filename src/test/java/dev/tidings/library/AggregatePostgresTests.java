package dev.tidings.library;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The aggregate tests on PostgreSQL: text compared by its collation unless told
 * otherwise, and an expression grouped with bind parameters in it.
 */
@Tag("postgres")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/library_aggregates",
				"spring.datasource.username=postgres", "spring.datasource.password=" })
class AggregatePostgresTests extends AggregateTests {

	@BeforeAll
	static void createDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement sql = connection.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS library_aggregates WITH (FORCE)");
			sql.execute("CREATE DATABASE library_aggregates");
		}
	}

}
