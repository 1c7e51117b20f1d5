package dev.tidings.app;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone app on its own database, as {@code java -jar} starts it: demo rows and
 * accounts (whose passwords are public) only with {@code DEMO_CONTENT=true}, and then
 * once. Arguments stand in for environment variables; the tests'
 * {@code application.properties}, which turns demo content on, is not read.
 */
class DemoContentTests {

	@Test
	void startWhenDemoContentIsNotAskedForThenNoDemoRowsNorDemoAccounts() {
		try (ConfigurableApplicationContext app = start("demo-content-off")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

			assertThat(count(jdbc, "select count(*) from articles")).isZero();
			assertThat(count(jdbc, "select count(*) from comments")).isZero();
			assertThat(count(jdbc, "select count(*) from tidings_users where email like '%@example.com'"
					+ " and email <> 'admin@example.com'"))
				.isZero();
			assertThat(count(jdbc, "select count(*) from tidings_roles where name in ('Editor', 'Reader')")).isZero();
		}
	}

	@Test
	void startWhenDemoContentIsOnThenSeededOnceAndADeletedDemoAccountStaysDeleted() {
		try (ConfigurableApplicationContext app = start("demo-content-on", "--DEMO_CONTENT=true")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(count(jdbc, "select count(*) from articles")).isEqualTo(20);
			assertThat(count(jdbc, "select count(*) from tidings_users where email = 'reader@example.com'"))
				.isEqualTo(1);

			jdbc.update("delete from tidings_users where email = 'reader@example.com'");
		}
		try (ConfigurableApplicationContext app = start("demo-content-on", "--DEMO_CONTENT=true")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

			assertThat(count(jdbc, "select count(*) from articles")).isEqualTo(20);
			assertThat(count(jdbc, "select count(*) from tidings_users where email = 'reader@example.com'")).isZero();
			assertThat(count(jdbc, "select count(*) from tidings_users where email = 'editor@example.com'"))
				.isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(String database, String... args) {
		String[] all = new String[args.length + 4];
		all[0] = "--server.port=0";
		all[1] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
		all[2] = "--tidings.websockets.enabled=false";
		// the app's own defaults alone, without the tests' application.properties
		all[3] = "--spring.config.name=none";
		System.arraycopy(args, 0, all, 4, args.length);
		return new SpringApplicationBuilder(TidingsApplication.class).run(all);
	}

	private static int count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

}
