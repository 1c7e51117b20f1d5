package dev.tidings.cluster;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tidings.cluster.ClusterSettings.RedisEndpoint;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two buses on one real Redis, as two instances: what each delivers, how often, in which
 * order, and what happens while Redis is away. "Nothing more arrived" is proven by a
 * later marker arriving, since one origin's entries keep their order.
 */
@Tag("redis")
class RedisChangeBusTests {

	private static RedisServer redis;

	private final List<RedisChangeBus> buses = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@AfterEach
	void closeBuses() {
		this.buses.forEach(RedisChangeBus::close);
		if (!redis.answers()) {
			redis.startAgain();
		}
	}

	@Test
	void everyInstanceTheOriginIncludedReceivesEachChangeOnceInOrder() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		bus(10_000, onB);

		for (int i = 1; i <= 300; i++) {
			a.publish(change(i, "title " + i));
		}
		a.publish(change(1000, "marker"));

		await().until(() -> onB.keys().contains(1000));
		await().until(() -> onA.keys().contains(1000));
		List<Object> expected = new java.util.ArrayList<>();
		for (int i = 1; i <= 300; i++) {
			expected.add(i);
		}
		expected.add(1000);
		assertThat(onB.keys()).containsExactlyElementsOf(expected);
		assertThat(onA.keys()).containsExactlyElementsOf(expected);
		assertThat(onB.notifications().get(0).changes().get(0).after()).containsEntry("title", "title 1");
	}

	@Test
	void anInvalidationReachesTheOthersOnceAndIsNotEchoedBack() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		RedisChangeBus b = bus(10_000, onB);
		AtomicInteger invalidatedOnA = new AtomicInteger();
		AtomicInteger invalidatedOnB = new AtomicInteger();
		// as the security cache does: every invalidation, remote ones included, calls
		// back
		a.onRemoteInvalidation(() -> {
			invalidatedOnA.incrementAndGet();
			a.publishInvalidation();
		});
		b.onRemoteInvalidation(() -> {
			invalidatedOnB.incrementAndGet();
			b.publishInvalidation();
		});

		a.publishInvalidation();
		a.publish(change(1, "after the invalidation"));
		await().until(() -> onB.keys().contains(1));
		assertThat(invalidatedOnB).hasValue(1);

		// anything B had echoed would be in the stream before B's marker
		b.publish(change(2, "marker from B"));
		await().until(() -> onA.keys().contains(2));
		assertThat(invalidatedOnA).hasValue(0);
	}

	@Test
	void whileRedisIsDownTheOriginDeliversAtOnceAndTheOthersGetItOnceWhenItIsBack() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		RedisChangeBus b = bus(10_000, onB);
		a.publish(change(1, "before"));
		await().until(() -> onB.keys().contains(1));

		redis.stop();
		await().until(() -> !a.status().connected() && !b.status().connected());
		a.publish(change(2, "during the outage"));

		await().until(() -> onA.keys().contains(2));
		assertThat(a.status().buffered()).isEqualTo(1);
		assertThat(a.status().disconnectedSince()).isNotNull();
		assertThat(onB.keys()).containsExactly(1);

		redis.startAgain();
		await().until(() -> a.status().connected() && b.status().connected());
		a.publish(change(3, "after"));
		await().until(() -> onB.keys().contains(3));
		await().until(() -> onA.keys().contains(3));
		assertThat(onB.keys()).containsExactly(1, 2, 3);
		assertThat(onA.keys()).containsExactly(1, 2, 3);
		assertThat(a.status().buffered()).isZero();
		assertThat(a.status().dropped()).isZero();
	}

	@Test
	void aFullBufferDropsTheOldestForTheOthersButNotForTheOrigin() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(3, onA);
		bus(10_000, onB);

		redis.stop();
		await().until(() -> !a.status().connected());
		for (int i = 1; i <= 5; i++) {
			a.publish(change(i, "during the outage"));
		}
		await().until(() -> onA.keys().size() == 5);
		assertThat(a.status().dropped()).isEqualTo(2);
		assertThat(a.status().buffered()).isEqualTo(3);

		redis.startAgain();
		await().until(() -> a.status().connected());
		a.publish(change(6, "marker"));
		await().until(() -> onB.keys().contains(6));
		assertThat(onB.keys()).containsExactly(3, 4, 5, 6);
		assertThat(onA.keys()).containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void aValueTheCodecCannotCarryStaysOnItsOriginAndStopsNothing() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		bus(10_000, onB);

		a.publish(new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, 1, null, Map.of("id", 1, "legacy", new Date(0))))));
		a.publish(change(2, "marker"));

		await().until(() -> onB.keys().contains(2));
		assertThat(onB.keys()).containsExactly(2);
		await().until(() -> onA.keys().contains(2));
		assertThat(onA.keys()).containsExactlyInAnyOrder(1, 2);
	}

	private RedisChangeBus bus(int bufferSize, Received receiver) {
		RedisChangeBus bus = new RedisChangeBus(
				new ClusterSettings(RedisEndpoint.of(redis.url()), "tidings:test:" + getClass().getSimpleName(), 10_000,
						bufferSize, Duration.ofSeconds(2), Duration.ofMillis(200)));
		bus.subscribe(receiver::add);
		bus.start();
		this.buses.add(bus);
		assertThat(bus.status().connected()).isTrue();
		return bus;
	}

	private static ChangeNotification change(int key, String title) {
		return new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, key, null, Map.of("id", key, "title", title))));
	}

	/** What one instance's receiver got, in order. */
	private static final class Received {

		private final List<ChangeNotification> notifications = new CopyOnWriteArrayList<>();

		void add(ChangeNotification notification) {
			this.notifications.add(notification);
		}

		List<ChangeNotification> notifications() {
			return this.notifications;
		}

		List<Object> keys() {
			return this.notifications.stream()
				.flatMap((notification) -> notification.changes().stream())
				.map(ItemChange::key)
				.toList();
		}

	}

}
