package dev.tidings.realtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.events.ChangeType;
import dev.tidings.schema.FieldCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Push frames against the golden fixtures {@code protocol/out/push-*.json}: Directus's
 * {@code data} (a list, or one object or key string for an item subscription), plus the
 * additions {@code collection}, {@code keys} and, for one item, {@code key}, with keys of
 * their own JSON type. Compared as JSON, key order being irrelevant on the wire.
 */
class SubscriptionFramesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SubscriptionFrames frames = new SubscriptionFrames();

	@Test
	void createOfOneItemCarriesItsKey() {
		Push push = new Push(ChangeType.CREATE, List.of(Map.of("id", 16, "title", "New")), List.of(16), 0);

		assertFixture("push-create",
				this.frames.frame("articles", push, false, null, Instant.EPOCH, null).forUid("1").text());
	}

	@Test
	void batchUpdateWhoseFieldsLeaveOutTheKeyCarriesTheKeysButNoSingleKey() {
		Push push = new Push(ChangeType.UPDATE, List.of(Map.of("title", "Changed"), Map.of("title", "Changed too")),
				List.of(3, 4), 0);

		assertFixture("push-update-batch",
				this.frames.frame("articles", push, false, null, Instant.EPOCH, null).forUid("1").text());
	}

	@Test
	void batchDeleteCarriesTheKeysBeforeMeta() {
		Push push = new Push(ChangeType.DELETE, List.of(3, 4), List.of(3, 4), 0);

		assertFixture("push-delete-batch",
				this.frames.frame("articles", push, false, Map.of("total_count", 40L), Instant.EPOCH, null)
					.forUid("1")
					.text());
	}

	@Test
	void itemSubscriptionDeleteSendsTheKeyAsAStringInDataAndAsANumberInKeys() {
		Push push = new Push(ChangeType.DELETE, List.of("15"), List.of(15), 0);

		assertFixture("push-delete-item",
				this.frames.frame("articles", push, true, null, Instant.EPOCH, null).forUid("item").text());
	}

	@Test
	void uuidKeysAreStrings() {
		UUID id = UUID.fromString("0b5a3f3e-6f1c-4c8e-9d2a-2f1e8c7b6a50");
		Object key = FieldCodec.wire(id);
		Push push = new Push(ChangeType.UPDATE, List.of(Map.of("id", key, "first_name", "Ada")), List.of(key), 0);

		assertFixture("push-update-uuid",
				this.frames.frame("directus_users", push, false, null, Instant.EPOCH, null).forUid(null).text());
	}

	@Test
	void pushNeedsOneKeyPerDatum() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Push(ChangeType.UPDATE, List.of(Map.of("title", "A")), List.of(1, 2), 0));
	}

	private static void assertFixture(String name, String frame) {
		assertThat(json.readTree(frame)).as(name).isEqualTo(json.readTree(fixture("out/" + name + ".json")));
	}

	private static String fixture(String name) {
		try (InputStream in = SubscriptionFramesTests.class.getResourceAsStream("/protocol/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
