package dev.tidings.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.tidings.items.ItemsService;
import dev.tidings.security.AdminBootstrap;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The demo's articles, comments and Editor and Reader accounts, only when
 * {@value #PROPERTY} ({@code DEMO_CONTENT}) is true: their passwords are public, so a
 * server never has them unless asked. The schema migrations run either way; the rows are
 * a migration of their own location, so Flyway adds them once per database.
 */
@Configuration(proxyBeanMethods = false)
class DemoContent {

	static final String PROPERTY = "tidings.standalone.demo-content";

	static final String LOCATION = "classpath:db/demo/content";

	/**
	 * Adds the demo rows' location when asked for. Without it, a database an earlier
	 * version seeded keeps its applied demo migration, which Flyway would otherwise
	 * refuse to start with as missing.
	 */
	@Bean
	FlywayConfigurationCustomizer tidingsDemoContentMigrations(Environment environment) {
		boolean demo = environment.getProperty(PROPERTY, Boolean.class, false);
		return (configuration) -> {
			if (demo) {
				List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
				locations.add(new Location(LOCATION));
				configuration.locations(locations.toArray(Location[]::new));
			}
			else {
				configuration.ignoreMigrationPatterns("*:future", "versioned:missing");
			}
		};
	}

	/**
	 * The demo accounts, where Tidings is wired (it backs off without a database),
	 * created before the server accepts requests, so a client that sees
	 * {@code /server/ping} can log in as them. The administrator comes first: it is
	 * created only while no user exists.
	 */
	@Bean
	@ConditionalOnBooleanProperty(PROPERTY)
	SmartInitializingSingleton tidingsDemoAccounts(ObjectProvider<ItemsService> items,
			ObjectProvider<AdminBootstrap> admin) {
		return () -> items.ifAvailable((service) -> {
			admin.ifAvailable(AdminBootstrap::afterSingletonsInstantiated);
			new DemoAccounts(service).createOnce();
		});
	}

}
