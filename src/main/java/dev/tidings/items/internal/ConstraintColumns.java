package dev.tidings.items.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columns a database constraint covers, looked up by its name in the SQL standard's
 * {@code information_schema.constraint_column_usage}, which H2 and PostgreSQL both have.
 * Names Hibernate generates ({@code UK…}, or the database's own for an inline
 * {@code unique}) say nothing about their column, so a unique or check violation is named
 * by this lookup. It runs on a connection of its own, because PostgreSQL refuses every
 * statement of a transaction after a failed one, and its answers are kept: constraints
 * change with migrations, not per request.
 */
public final class ConstraintColumns {

	private static final Logger logger = LoggerFactory.getLogger(ConstraintColumns.class);

	private static final String QUERY = "SELECT column_name FROM information_schema.constraint_column_usage"
			+ " WHERE lower(constraint_name) = ?";

	private final @Nullable ConnectionProvider connections;

	private final Map<String, List<String>> known = new ConcurrentHashMap<>();

	public ConstraintColumns(EntityManagerFactory entityManagerFactory) {
		this.connections = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.getService(ConnectionProvider.class);
	}

	/**
	 * The lower-case column names of the constraint Hibernate reported (H2 reports
	 * {@code SCHEMA.NAME INDEX …}: the first word, without its schema, is the name);
	 * empty when unknown.
	 */
	List<String> of(@Nullable String reported) {
		if (reported == null || reported.isBlank() || this.connections == null) {
			return List.of();
		}
		String name = reported.trim().split("\\s+", 2)[0].replace("\"", "");
		name = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		List<String> columns = this.known.computeIfAbsent(name, this::lookUp);
		return (columns != null) ? columns : List.of();
	}

	/** The columns, or null when the lookup failed (and is tried again next time). */
	private @Nullable List<String> lookUp(String name) {
		List<String> columns = new ArrayList<>();
		try {
			Connection connection = this.connections.getConnection();
			try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
				statement.setString(1, name);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
					}
				}
			}
			finally {
				this.connections.closeConnection(connection);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not look up the columns of constraint {}", name, ex);
			return null;
		}
		return List.copyOf(columns);
	}

}
