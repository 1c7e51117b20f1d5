package dev.tidings.library;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tidings.cluster.ClusterSettings;
import dev.tidings.cluster.ClusterSettings.RedisEndpoint;
import dev.tidings.cluster.RedisChangeBus;
import dev.tidings.cluster.RedisServer;
import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeLog;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ItemChange;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance is ready once its change feed has started, and from then on it receives
 * every change another instance commits, through Redis, with nothing to fill from the
 * log: a hundred times, a fresh instance's receiving side (its own connection to Redis
 * and its own feed, on the shared PostgreSQL log) starts, and the writing instance, this
 * application, commits a create over REST the moment it is ready. Its feed never reads
 * the log here (overdue and poll are an hour), so a change the stream did not bring would
 * never arrive.
 */
@Tag("postgres")
@Tag("redis")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"tidings.cluster.stream-key=tidings:test:ready-means-receiving" })
class ReadyMeansReceivingTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_ready");

	private static final RedisServer redis = RedisServer.start();

	private static final String SECRET = "tidings-test-secret-of-at-least-32-bytes";

	private static final Duration NEVER = Duration.ofHours(1);

	@LocalServerPort
	int port;

	@Autowired
	ChangeLog log;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) throws SQLException {
		SCHEMA.create(registry);
		registry.add("tidings.cluster.redis-url", redis::url);
		registry.add("tidings.auth.secret", () -> SECRET);
	}

	@AfterAll
	static void stop() throws SQLException {
		redis.close();
		SCHEMA.drop();
	}

	@Test
	void aFreshInstanceReceivesAWriteMadeTheMomentItIsReady() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		for (int round = 1; round <= 100; round++) {
			List<ChangeNotification> received = new CopyOnWriteArrayList<>();
			RedisChangeBus bus = new RedisChangeBus(
					new ClusterSettings(RedisEndpoint.of(redis.url()), "tidings:test:ready-means-receiving", 10_000,
							10_000, Duration.ofSeconds(2), Duration.ofMillis(200)),
					SECRET);
			try (ChangeFeed feed = new ChangeFeed(bus, this.log, NEVER, NEVER, NEVER, 0)) {
				feed.subscribe(received::add);
				bus.start();
				feed.start();

				String name = "Ready " + round;
				String key = String.valueOf(admin.post("/items/authors", json(Map.of("name", name))).item().get("id"));

				await("round " + round).atMost(Duration.ofSeconds(10))
					.until(() -> authors(received).stream()
						.anyMatch((change) -> String.valueOf(change.key()).equals(key)));
				assertThat(authors(received)).singleElement().satisfies((change) -> {
					assertThat(change.after()).containsEntry("name", name);
					assertThat(change.sequence()).isPositive().isLessThanOrEqualTo(feed.delivered());
				});
			}
			finally {
				bus.close();
			}
		}
	}

	private static List<ItemChange> authors(List<ChangeNotification> received) {
		return received.stream()
			.filter((notification) -> notification.collection().equals("authors"))
			.flatMap((notification) -> notification.changes().stream())
			.toList();
	}

}
