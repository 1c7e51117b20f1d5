package dev.tidings.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades Tidings' tables with a Flyway of its own: own scripts, own history
 * table, so it never mixes with the host's migrations or needs the host to run any.
 */
public final class SecurityMigrations {

	static final String HISTORY_TABLE = "tidings_schema_history";

	private final DataSource dataSource;

	public SecurityMigrations(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public void migrate() {
		Flyway.configure()
			.dataSource(this.dataSource)
			.table(HISTORY_TABLE)
			.locations("classpath:dev/tidings/security/db/common",
					"classpath:dev/tidings/security/db/" + vendor(this.dataSource))
			// the host's own tables may already be there: start our history from zero
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

	/**
	 * The folder name of the database's own scripts: {@code h2} or {@code postgresql}.
	 */
	public static String vendor(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("h2")) {
				return "h2";
			}
			if (product.contains("postgres")) {
				return "postgresql";
			}
			throw new IllegalStateException("Tidings supports H2 and PostgreSQL; this database is "
					+ connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Tidings could not inspect the database", ex);
		}
	}

}
