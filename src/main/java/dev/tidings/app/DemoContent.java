package dev.tidings.app;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.tidings.items.ItemsService;
import dev.tidings.security.AdminBootstrap;
import dev.tidings.security.SecurityMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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

	static final String SCHEMA = "classpath:db/demo/";

	static final String LOCATION = "classpath:db/demo/content";

	/**
	 * The demo content model's schema always, and its rows when asked for, migrated by a
	 * Flyway of the app's own: the library depends on Flyway's core only and never turns
	 * Boot's Flyway on, in a host or here. Its history stays in Flyway's usual table, so
	 * a database an earlier version migrated carries on. Without the rows' location, a
	 * database an earlier version seeded keeps its applied demo migration, which Flyway
	 * would otherwise refuse to start with as missing.
	 */
	@Bean
	DemoSchema tidingsDemoSchema(ObjectProvider<DataSource> dataSource,
			ObjectProvider<SecurityMigrations> tidingsTables, Environment environment) {
		DataSource database = dataSource.getIfAvailable();
		if (database == null) {
			return new DemoSchema(false);
		}
		// the demo's foreign keys point at Tidings' tables (an article's image is a
		// file):
		// those are migrated first
		tidingsTables.getIfAvailable();
		boolean demo = environment.getProperty(PROPERTY, Boolean.class, false);
		List<String> locations = new ArrayList<>(List.of(SCHEMA + SecurityMigrations.vendor(database)));
		// Tidings' tables are there before the demo's first migration: start from zero
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(database)
			.baselineOnMigrate(true)
			.baselineVersion("0");
		if (demo) {
			locations.add(LOCATION);
		}
		else {
			configuration.ignoreMigrationPatterns("*:future", "versioned:missing");
		}
		configuration.locations(locations.toArray(String[]::new)).load().migrate();
		return new DemoSchema(true);
	}

	/**
	 * That the demo schema is in place (when there is a database), for the beans that
	 * need it first.
	 */
	record DemoSchema(boolean migrated) {
	}

	/**
	 * The demo accounts, where Tidings is wired (it backs off without a database),
	 * created before the server accepts requests, so a client that sees
	 * {@code /server/ping} can log in as them. The administrator comes first: it is
	 * created only while no user exists.
	 */
	@Bean
	@ConditionalOnBooleanProperty(PROPERTY)
	SmartInitializingSingleton tidingsDemoAccounts(DemoSchema schema, ObjectProvider<ItemsService> items,
			ObjectProvider<AdminBootstrap> admin) {
		return () -> items.ifAvailable((service) -> {
			admin.ifAvailable(AdminBootstrap::afterSingletonsInstantiated);
			new DemoAccounts(service).createOnce();
		});
	}

}
