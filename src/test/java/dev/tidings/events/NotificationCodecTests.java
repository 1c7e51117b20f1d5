package dev.tidings.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who made a change travels with it through the Redis stream and the change log, and
 * entries written before actors existed still read.
 */
class NotificationCodecTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final NotificationCodec codec = new NotificationCodec(new ValueCodec(getClass().getClassLoader()));

	@Test
	void encodeWhenActorThenDecodedWithIt() {
		Actor actor = new Actor(UUID.randomUUID(), "10.0.0.7", "Mozilla/5.0", "https://app.example.com");
		ChangeNotification notification = new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, 1, null, Map.of("id", 1, "title", "Hi"))),
				Instant.parse("2026-01-02T03:04:05Z"), actor);

		assertThat(this.codec.decode(this.codec.encode(notification))).isEqualTo(notification);
	}

	@Test
	void encodeWhenActorIsPartlyUnknownThenNullsSurvive() {
		Actor anonymous = new Actor(null, "10.0.0.8", null, null);
		ChangeNotification notification = new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.DELETE, 2, Map.of("id", 2), null)), Instant.now(), anonymous);

		assertThat(this.codec.decode(this.codec.encode(notification)).actor()).isEqualTo(anonymous);
	}

	@Test
	void encodeWhenSystemThenNoActorWritten() {
		ChangeNotification notification = new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.CREATE, 3, null, Map.of("id", 3))), Instant.now());

		assertThat(this.codec.encode(notification)).doesNotContain("actor");
		assertThat(this.codec.decode(this.codec.encode(notification)).actor()).isEqualTo(Actor.SYSTEM);
	}

	@Test
	void decodeWhenEntryPredatesActorsThenTheSystems() {
		Actor actor = new Actor(UUID.randomUUID(), "10.0.0.9", "curl/8", null);
		ChangeNotification notification = new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.UPDATE, 4, Map.of("id", 4), Map.of("id", 4), 9)), Instant.now(),
				actor);
		ObjectNode entry = (ObjectNode) json.readTree(this.codec.encode(notification));
		// as an instance without actors wrote it
		entry.remove("actor");

		ChangeNotification decoded = this.codec.decode(json.writeValueAsString(entry));

		assertThat(decoded.actor()).isEqualTo(Actor.SYSTEM);
		assertThat(decoded.changes()).isEqualTo(notification.changes());
	}

}
