package dev.tidings.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tidings.cluster.ClusterSettings.RedisEndpoint;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
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

	private static final String SECRET = "tidings-test-secret-of-at-least-32-bytes";

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
	void lagWhenAChangeIsReadFromTheStreamThenTheTimeSinceItsCommitOnEveryInstance() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		RedisChangeBus b = bus(10_000, onB);
		assertThat(b.status().lag()).isZero();

		a.publish(new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, 1, null, Map.of("id", 1, "title", "late"))),
				Instant.now().minusSeconds(5)));

		await().until(() -> onB.keys().contains(1) && onA.keys().contains(1));
		assertThat(b.status().lag()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(30));
		assertThat(a.status().lag()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(30));
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
				List.of(new ItemChange(ChangeType.CREATE, 1, null, Map.of("id", 1, "legacy", new Date(0)))),
				Instant.now()));
		a.publish(change(2, "marker"));

		await().until(() -> onB.keys().contains(2));
		assertThat(onB.keys()).containsExactly(2);
		await().until(() -> onA.keys().contains(2));
		assertThat(onA.keys()).containsExactlyInAnyOrder(1, 2);
	}

	@Test
	void aHugeSequenceForAnotherInstancesOriginIsRejectedAndItsNextChangeStillArrives() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		RedisChangeBus b = bus(10_000, onB);
		a.publish(change(1, "before"));
		await().until(() -> onB.keys().contains(1));

		// correctly signed, so only the sequence bound stops it
		String origin = a.status().instance();
		xadd(Map.of("origin", origin, "seq", "1000000000000", "kind", "INVALIDATION", "sig",
				signature(SECRET, origin, 1_000_000_000_000L, "INVALIDATION", null)));
		a.publish(change(2, "after"));

		await().until(() -> onB.keys().contains(2));
		assertThat(onB.keys()).containsExactly(1, 2);
		assertThat(b.status().rejected()).isEqualTo(1);
		await().until(() -> onA.keys().contains(2));
		// its own origin, with a sequence it never wrote
		assertThat(a.status().rejected()).isEqualTo(1);
	}

	@Test
	void anEntryNotSignedWithTheClustersSecretIsRejectedAndCounted() {
		Received onA = new Received();
		Received onB = new Received();
		RedisChangeBus a = bus(10_000, onA);
		RedisChangeBus b = bus(10_000, onB);
		a.publish(change(1, "genuine"));
		await().until(() -> onB.keys().contains(1));
		Map<String, String> genuine = lastEntry();
		assertThat(genuine).containsKey("sig");

		Map<String, String> unsigned = new java.util.HashMap<>(genuine);
		unsigned.put("origin", "intruder");
		unsigned.remove("sig");
		xadd(unsigned);
		Map<String, String> resigned = new java.util.HashMap<>(unsigned);
		resigned.put("sig",
				signature("another-secret-of-at-least-32-bytes!!", "intruder", 1, "CHANGE", genuine.get("data")));
		xadd(resigned);
		Map<String, String> tampered = new java.util.HashMap<>(genuine);
		tampered.put("seq", "2");
		xadd(tampered);
		a.publish(change(3, "marker"));

		await().until(() -> onB.keys().contains(3));
		assertThat(onB.keys()).containsExactly(1, 3);
		assertThat(onA.keys()).containsExactly(1, 3);
		assertThat(b.status().rejected()).isEqualTo(3);
	}

	private Map<String, String> lastEntry() {
		try (RedisClient client = RedisClient.create(redis.url());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().xrevrange(streamKey(), Range.unbounded(), Limit.from(1)).get(0).getBody();
		}
	}

	private void xadd(Map<String, String> fields) {
		try (RedisClient client = RedisClient.create(redis.url());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().xadd(streamKey(), fields);
		}
	}

	/**
	 * An entry's signature as the wire format defines it, written out independently of
	 * the code under test: HMAC-SHA256 keyed with HMAC-SHA256(secret,
	 * "tidings-cluster-v1"), over origin, sequence, kind and data, each string prefixed
	 * with its UTF-8 length (-1 for no data) and the sequence as 8 bytes.
	 */
	private static String signature(String secret, String origin, long sequence, String kind, String data) {
		try {
			Mac derive = Mac.getInstance("HmacSHA256");
			derive.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] key = derive.doFinal("tidings-cluster-v1".getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			for (Object field : new Object[] { origin, sequence, kind, data }) {
				if (field instanceof Long number) {
					mac.update(ByteBuffer.allocate(8).putLong(number).array());
				}
				else {
					byte[] bytes = (field != null) ? ((String) field).getBytes(StandardCharsets.UTF_8) : new byte[0];
					mac.update(ByteBuffer.allocate(4).putInt((field != null) ? bytes.length : -1).array());
					mac.update(bytes);
				}
			}
			return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String streamKey() {
		return "tidings:test:" + getClass().getSimpleName();
	}

	private RedisChangeBus bus(int bufferSize, Received receiver) {
		RedisChangeBus bus = new RedisChangeBus(new ClusterSettings(RedisEndpoint.of(redis.url()), streamKey(), 10_000,
				bufferSize, Duration.ofSeconds(2), Duration.ofMillis(200)), SECRET);
		bus.subscribe(receiver::add);
		bus.start();
		this.buses.add(bus);
		await().until(() -> bus.status().connected());
		return bus;
	}

	private static ChangeNotification change(int key, String title) {
		return new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, key, null, Map.of("id", key, "title", title))),
				Instant.now());
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
