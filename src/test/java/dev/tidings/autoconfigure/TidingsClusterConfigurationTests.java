package dev.tidings.autoconfigure;

import java.util.function.Consumer;

import dev.tidings.cluster.ClusterHealthIndicator;
import dev.tidings.cluster.RedisChangeBus;
import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.LocalChangeBus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the cluster switches on, and that it leaves a host's own beans alone. The Redis
 * URLs point at a closed port: the bus starts without Redis (degraded) all the same.
 */
class TidingsClusterConfigurationTests {

	private static final String CLOSED_PORT = "tidings.cluster.redis-url=redis://127.0.0.1:1";

	private static final String SECRET = "a-cluster-test-secret-of-at-least-32-bytes";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, TidingsAutoConfiguration.class,
				TidingsHealthAutoConfiguration.class))
		.withUserConfiguration(HostConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:cluster-autoconfig;DB_CLOSE_DELAY=-1",
				"tidings.cluster.timeout=200ms", "tidings.auth.secret=" + SECRET);

	@Test
	void contextWhenNoRedisIsConfiguredThenTheBusIsLocal() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(RedisChangeBus.class)
			.doesNotHaveBean(ClusterHealthIndicator.class)
			.getBean(ChangeBus.class)
			.isInstanceOf(LocalChangeBus.class));
	}

	@Test
	void contextWhenTheRedisUrlIsEmptyThenTheBusIsLocal() {
		// what the standalone app's tidings.cluster.redis-url=${REDIS:} gives without
		// REDIS
		this.runner.withPropertyValues("tidings.cluster.redis-url=", "tidings.cluster.redis-host=")
			.run((context) -> assertThat(context).getBean(ChangeBus.class).isInstanceOf(LocalChangeBus.class));
	}

	@Test
	void contextWhenARedisUrlIsSetThenTheBusGoesThroughRedisWithAHealthIndicator() {
		this.runner.withPropertyValues(CLOSED_PORT).run((context) -> {
			assertThat(context).hasSingleBean(ChangeBus.class)
				.doesNotHaveBean(LocalChangeBus.class)
				.doesNotHaveBean(RedisConnectionFactory.class)
				.getBean(ChangeBus.class)
				.isInstanceOf(RedisChangeBus.class);
			HealthIndicator health = context.getBean("tidingsHealthIndicator", HealthIndicator.class);
			assertThat(health.health().getStatus()).isEqualTo(ClusterHealthIndicator.DEGRADED);
			assertThat(health.health().getDetails()).containsEntry("connected", false)
				.containsEntry("redis", "127.0.0.1:1/0")
				.containsEntry("rejected", 0L)
				// this instance's own state comes first
				.containsEntry("websockets", "disabled");
		});
	}

	@Test
	void contextWhenARedisUrlIsSetWithoutASecretThenItFailsNamingTheSecret() {
		this.runner.withPropertyValues(CLOSED_PORT, "tidings.auth.secret=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"tidings.auth.secret (SECRET): several instances through Redis need it, the same on every instance"));
	}

	@Test
	void contextWhenOnlyARedisHostIsSetThenTheBusGoesThroughIt() {
		this.runner
			.withPropertyValues("tidings.cluster.redis-host=127.0.0.1", "tidings.cluster.redis-port=1",
					"tidings.cluster.redis-database=3", "tidings.cluster.redis-password=secret")
			.run((context) -> assertThat(context.getBean(RedisChangeBus.class).endpoint()).isEqualTo("127.0.0.1:1/3"));
	}

	@Test
	void contextWhenTheHostHasItsOwnRedisThenItsConnectionFactoryIsUntouched() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(CLOSED_PORT, "spring.data.redis.host=hosts-redis", "spring.data.redis.port=6390")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisConnectionFactory.class).hasSingleBean(RedisChangeBus.class);
				LettuceConnectionFactory hosts = context.getBean(LettuceConnectionFactory.class);
				assertThat(hosts.getHostName()).isEqualTo("hosts-redis");
				assertThat(hosts.getPort()).isEqualTo(6390);
			});
	}

	@Test
	void contextWhenTheHostDefinesAChangeBusThenTheClusterBacksOff() {
		this.runner.withUserConfiguration(HostBusConfiguration.class)
			.withPropertyValues(CLOSED_PORT)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisChangeBus.class)
				.getBean(ChangeBus.class)
				.isSameAs(context.getBean("hostChangeBus")));
	}

	@Test
	void contextWhenLettuceIsMissingThenTheBusIsLocal() {
		this.runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.withPropertyValues(CLOSED_PORT)
			.run((context) -> assertThat(context).getBean(ChangeBus.class).isInstanceOf(LocalChangeBus.class));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class HostConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class HostBusConfiguration {

		@Bean
		ChangeBus hostChangeBus() {
			return new ChangeBus() {

				@Override
				public void publish(ChangeNotification notification) {
				}

				@Override
				public void subscribe(Consumer<ChangeNotification> receiver) {
				}

			};
		}

	}

}
