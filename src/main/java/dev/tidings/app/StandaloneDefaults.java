package dev.tidings.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The standalone app's default properties: {@code standalone.properties} plus the one
 * mapping a properties file cannot express, Directus's {@code DB_CLIENT} choosing the
 * database.
 */
final class StandaloneDefaults {

	private static final String RESOURCE = "standalone.properties";

	private StandaloneDefaults() {
	}

	static Properties load(Map<String, String> environment) {
		Properties defaults = new Properties();
		try (InputStream in = StandaloneDefaults.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE + " next to " + StandaloneDefaults.class);
			}
			defaults.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + RESOURCE, ex);
		}
		String client = environment.getOrDefault("DB_CLIENT", "").trim().toLowerCase(Locale.ROOT);
		switch (client) {
			case "", "h2" -> {
			}
			case "pg", "postgres", "postgresql" -> {
				defaults.setProperty("spring.datasource.url", defaults.getProperty("tidings.standalone.postgres-url"));
				defaults.setProperty("spring.datasource.username", "${DB_USER:postgres}");
				defaults.setProperty("spring.datasource.password", "${DB_PASSWORD:}");
			}
			default -> throw new IllegalStateException("DB_CLIENT=" + client
					+ " is not supported: use DB_CLIENT=pg for PostgreSQL, or leave it unset for the embedded H2");
		}
		return defaults;
	}

}
