package dev.tidings.app;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The defaults of the standalone app and the Directus environment names it maps, as
 * Spring resolves them for {@link TidingsApplication}. Arguments stand in for environment
 * variables: both are property sources above the app's own defaults. The contexts run
 * without auto-configuration, so nothing connects to a database.
 */
class StandaloneConfigurationTests {

	@Test
	void whenNothingIsSetThenPort8055AndAnH2FileUnderData() {
		assumeThat(System.getenv()).doesNotContainKeys("PORT", "HOST", "DB_CLIENT", "DB_USER", "MAX_PAYLOAD_SIZE",
				"QUERY_LIMIT_MAX");
		try (ConfigurableApplicationContext context = environmentOf()) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("server.port")).isEqualTo("8055");
			assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
			assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./data/tidings");
			assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("sa");
			assertThat(environment.getProperty("tidings.rest.max-payload-size")).isEqualTo("1MB");
			assertThat(environment.getProperty("tidings.rest.query-limit-max")).isEqualTo("1000");
		}
	}

	@Test
	void whenNothingIsSetThenNoDemoContentAndDemoContentTurnsItOn() {
		assumeThat(System.getenv()).doesNotContainKeys("DEMO_CONTENT");
		// without the tests' application.properties, which turns it on for them
		try (ConfigurableApplicationContext context = environmentOf("--spring.config.name=none")) {
			assertThat(context.getEnvironment().getProperty(DemoContent.PROPERTY)).isEqualTo("false");
		}
		try (ConfigurableApplicationContext context = environmentOf("--DEMO_CONTENT=true")) {
			assertThat(context.getEnvironment().getProperty(DemoContent.PROPERTY)).isEqualTo("true");
		}
	}

	@Test
	void whenWebsocketVariablesAreSetThenTheyMapToTidingsWebsockets() {
		try (ConfigurableApplicationContext context = environmentOf("--WEBSOCKETS_REST_AUTH=strict",
				"--WEBSOCKETS_REST_AUTH_TIMEOUT=3", "--WEBSOCKETS_HEARTBEAT_PERIOD=60", "--WEBSOCKETS_ENABLED=false")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("tidings.websockets.enabled")).isEqualTo("false");
			assertThat(environment.getProperty("tidings.websockets.auth-mode")).isEqualTo("strict");
			assertThat(environment.getProperty("tidings.websockets.auth-timeout")).isEqualTo("3");
			assertThat(environment.getProperty("tidings.websockets.heartbeat-period")).isEqualTo("60");
		}
	}

	@Test
	void whenNothingIsSetThenWebsocketsAreOnInTheStandaloneApp() {
		assumeThat(System.getenv()).doesNotContainKeys("WEBSOCKETS_ENABLED", "WEBSOCKETS_REST_PATH");
		try (ConfigurableApplicationContext context = environmentOf()) {
			assertThat(context.getEnvironment().getProperty("tidings.websockets.enabled")).isEqualTo("true");
			assertThat(context.getEnvironment().getProperty("tidings.websockets.path")).isEqualTo("/websocket");
		}
	}

	@Test
	void whenDbClientIsPgThenPostgresUrlFromTheDbVariables() {
		try (ConfigurableApplicationContext context = environmentOf("--DB_CLIENT=pg", "--DB_HOST=127.0.0.1",
				"--DB_PORT=5432", "--DB_DATABASE=test", "--DB_USER=postgres", "--DB_PASSWORD=secret")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("spring.datasource.url"))
				.isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
			assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
			assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("secret");
		}
	}

	@Test
	void whenDbClientIsPostgresThenSameAsPgWithDirectusDefaults() {
		assumeThat(System.getenv()).doesNotContainKeys("DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USER");
		try (ConfigurableApplicationContext context = environmentOf("--DB_CLIENT=postgres")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("spring.datasource.url"))
				.isEqualTo("jdbc:postgresql://127.0.0.1:5432/directus");
			assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
		}
	}

	@Test
	void whenDirectusNamesAreSetThenTheyOverrideTheDefaults() {
		try (ConfigurableApplicationContext context = environmentOf("--PORT=9000", "--HOST=127.0.0.1",
				"--MAX_PAYLOAD_SIZE=2MB", "--QUERY_LIMIT_MAX=200", "--MAX_CONNECTIONS=5000")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("server.port")).isEqualTo("9000");
			assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
			assertThat(environment.getProperty("tidings.rest.max-payload-size")).isEqualTo("2MB");
			assertThat(environment.getProperty("tidings.rest.query-limit-max")).isEqualTo("200");
			assertThat(environment.getProperty("server.tomcat.max-connections")).isEqualTo("5000");
			assertThat(environment.getProperty("server.jetty.max-connections")).isEqualTo("5000");
		}
	}

	@Test
	void whenDbClientIsUnsupportedThenTheAppFailsToStartNamingTheMissingUrlProperty() {
		Throwable failure = catchThrowable(
				() -> new SpringApplicationBuilder(TidingsApplication.class).web(WebApplicationType.NONE)
					.properties("spring.main.banner-mode=off")
					.run("--DB_CLIENT=mysql")
					.close());

		assertThat(failure).isNotNull();
		assertThat(messages(failure)).contains("Could not resolve placeholder 'tidings.standalone.db.mysql.url'");
	}

	@Test
	void whenAnotherApplicationHasTheJarThenItSeesNoneOfTheDefaults() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.run()) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("tidings.standalone.db.h2.url")).isNull();
			assertThat(environment.getProperty("spring.datasource.url")).isNull();
			assertThat(environment.getProperty("server.tomcat.relaxed-query-chars")).isNull();
		}
	}

	@Test
	void whenRedisIsSetThenItIsTheClusterUrlAndHealthIsExposedWithComponentsForAdministrators() {
		try (ConfigurableApplicationContext context = environmentOf("--REDIS=redis://cache:6379/2")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("tidings.cluster.redis-url")).isEqualTo("redis://cache:6379/2");
			assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
				.isEqualTo("health,prometheus");
			assertThat(environment.getProperty("management.endpoint.health.show-components"))
				.isEqualTo("when-authorized");
			assertThat(environment.getProperty("management.endpoint.health.status.order")).contains("DEGRADED");
		}
	}

	@Test
	void whenNothingIsSetThenThePrometheusScrapeIsOnForAdministratorsOnly() {
		assumeThat(System.getenv()).doesNotContainKeys("METRICS_ENABLED", "METRICS_TOKENS");
		try (ConfigurableApplicationContext context = environmentOf()) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("management.prometheus.metrics.export.enabled")).isEqualTo("true");
			assertThat(environment.getProperty("tidings.standalone.metrics-tokens")).isEmpty();
		}
	}

	@Test
	void whenMetricsVariablesAreSetThenTheyMapToThePrometheusScrapeAndItsTokens() {
		try (ConfigurableApplicationContext context = environmentOf("--METRICS_ENABLED=false",
				"--METRICS_TOKENS=first,second")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("management.prometheus.metrics.export.enabled")).isEqualTo("false");
			assertThat(environment.getProperty("tidings.standalone.metrics-tokens")).isEqualTo("first,second");
		}
	}

	@Test
	void whenRedisHostVariablesAreSetThenTheyMapToTheClusterHost() {
		try (ConfigurableApplicationContext context = environmentOf("--REDIS_HOST=cache", "--REDIS_PORT=6380",
				"--REDIS_USERNAME=tidings", "--REDIS_PASSWORD=secret", "--REDIS_DB=1")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("tidings.cluster.redis-host")).isEqualTo("cache");
			assertThat(environment.getProperty("tidings.cluster.redis-port")).isEqualTo("6380");
			assertThat(environment.getProperty("tidings.cluster.redis-username")).isEqualTo("tidings");
			assertThat(environment.getProperty("tidings.cluster.redis-password")).isEqualTo("secret");
			assertThat(environment.getProperty("tidings.cluster.redis-database")).isEqualTo("1");
		}
	}

	@Test
	void whenNoRedisIsSetThenNoClusterAndBootsOwnRedisIsOff() {
		assumeThat(System.getenv()).doesNotContainKeys("REDIS", "REDIS_HOST");
		try (ConfigurableApplicationContext context = environmentOf()) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("tidings.cluster.redis-url")).isEmpty();
			assertThat(environment.getProperty("tidings.cluster.redis-host")).isEmpty();
			assertThat(environment.getProperty("spring.autoconfigure.exclude"))
				.contains("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");
		}
	}

	@Test
	void whenWebsocketsBrokerUrlIsSetThenItIsTheClusterUrlAsRedisWouldBe() {
		assumeThat(System.getenv()).doesNotContainKeys("REDIS");
		try (ConfigurableApplicationContext context = environmentOf("--WEBSOCKETS_BROKER_URL=redis://broker:6379",
				"--MESSENGER_STORE=redis", "--CACHE_STORE=redis", "--CACHE_ENABLED=true")) {
			Environment environment = context.getEnvironment();

			assertThat(environment.getProperty("tidings.cluster.redis-url")).isEqualTo("redis://broker:6379");
			assertThat(environment.getProperty("tidings.cache.enabled")).isEqualTo("true");
		}
	}

	@Test
	void whenCacheEnabledIsFalseThenTidingsCachesAreOff() {
		try (ConfigurableApplicationContext context = environmentOf("--CACHE_ENABLED=false", "--CACHE_STORE=memory",
				"--MESSENGER_STORE=memory")) {
			assertThat(context.getEnvironment().getProperty("tidings.cache.enabled")).isEqualTo("false");
		}
	}

	@Test
	void whenStoresContradictTheRedisSettingsThenTheStartUpFailsSayingWhatToChange() {
		assumeThat(System.getenv()).doesNotContainKeys("REDIS", "REDIS_HOST", "WEBSOCKETS_BROKER_URL");
		assertThat(startUpFailure("--MESSENGER_STORE=redis")).contains(
				"MESSENGER_STORE=redis shares changes between instances through Redis, but no Redis server is set");
		assertThat(startUpFailure("--MESSENGER_STORE=memory", "--REDIS=redis://cache:6379"))
			.contains("MESSENGER_STORE=memory keeps changes on this instance");
		assertThat(startUpFailure("--MESSENGER_STORE=kafka"))
			.contains("MESSENGER_STORE must be memory or redis, not 'kafka'");
		assertThat(startUpFailure("--CACHE_STORE=redis")).contains("CACHE_STORE=redis", "no Redis server is set");
		assertThat(startUpFailure("--CACHE_STORE=memcached")).contains("CACHE_STORE must be memory or redis");
		assertThat(startUpFailure("--WEBSOCKETS_BROKER_URL=nats://broker:4222"))
			.contains("WEBSOCKETS_BROKER_URL must be a redis:// or rediss:// URL");
		assertThat(startUpFailure("--REDIS=redis://a:6379", "--WEBSOCKETS_BROKER_URL=redis://b:6379"))
			.contains("REDIS and WEBSOCKETS_BROKER_URL name different servers");
	}

	private static String startUpFailure(String... args) {
		Throwable failure = catchThrowable(() -> environmentOf(args).close());
		assertThat(failure).isNotNull();
		return messages(failure);
	}

	/**
	 * The app's context with auto-configuration switched off: its property sources as
	 * they are at run time, but no data source, JPA or server.
	 */
	private static ConfigurableApplicationContext environmentOf(String... args) {
		return new SpringApplicationBuilder(TidingsApplication.class).web(WebApplicationType.NONE)
			.properties("spring.boot.enableautoconfiguration=false", "spring.main.banner-mode=off")
			.run(args);
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class HostApplication {

	}

}
