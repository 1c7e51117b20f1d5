package dev.tidings.library;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL schema of one test class's own, in the local server's {@code test}
 * database, so that concurrent builds never share the library's tables.
 */
public final class PostgresSchema {

	private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String name;

	public PostgresSchema(String prefix) {
		this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
	}

	/** Creates the schema and points the application's data source at it. */
	public void create(DynamicPropertyRegistry registry) throws SQLException {
		execute("CREATE SCHEMA " + this.name);
		registry.add("spring.datasource.url", this::url);
	}

	public void drop() throws SQLException {
		execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
	}

	/** A connection of its own to the schema, as another writer would have. */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), "postgres", "");
	}

	/** Runs one statement on a connection to the database. */
	static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Runs a count on a connection to the database. */
	static int count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private String url() {
		return DATABASE + "?currentSchema=" + this.name;
	}

}
