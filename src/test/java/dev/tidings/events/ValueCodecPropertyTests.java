package dev.tidings.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Example;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value a snapshot can hold comes back from the JSON of a stream entry as an equal
 * value of the same Java class, as the in-memory evaluator on another instance needs;
 * anything else is refused with the collection and field named.
 */
class ValueCodecPropertyTests {

	/** A commit time to the nanosecond, which the stream entry must keep. */
	private static final Instant COMMITTED_AT = Instant.parse("2026-11-29T10:15:30.123456789Z");

	private final ValueCodec values = new ValueCodec(getClass().getClassLoader());

	private final NotificationCodec notifications = new NotificationCodec(this.values);

	@Property(tries = 500)
	void decodeOfEncodeIsTheSameValueOfTheSameType(@ForAll("values") @Nullable Object value) {
		assertSameTyped(this.values.decode(this.values.encode(value)), value);
	}

	@Property(tries = 300)
	void notificationsRoundTripThroughTheirJsonText(@ForAll("rows") Map<String, @Nullable Object> before,
			@ForAll("rows") Map<String, @Nullable Object> after, @ForAll("keys") Object key) {
		ChangeNotification notification = new ChangeNotification("articles",
				List.of(new ItemChange(ChangeType.UPDATE, key, before, after),
						new ItemChange(ChangeType.CREATE, key, null, after),
						new ItemChange(ChangeType.DELETE, key, before, null)),
				COMMITTED_AT);

		ChangeNotification read = this.notifications.decode(this.notifications.encode(notification));

		assertThat(read.collection()).isEqualTo("articles");
		assertThat(read.committedAt()).isEqualTo(COMMITTED_AT);
		assertThat(read.changes()).hasSize(3);
		for (int i = 0; i < 3; i++) {
			ItemChange sent = notification.changes().get(i);
			ItemChange received = read.changes().get(i);
			assertThat(received.type()).isEqualTo(sent.type());
			assertSameTyped(received.key(), sent.key());
			assertSameTyped(received.before(), sent.before());
			assertSameTyped(received.after(), sent.after());
		}
	}

	@Example
	void decodeWhenTheEntryPredatesTheCommitTimeThenItIsStampedAsRead() {
		Instant before = Instant.now();

		ChangeNotification read = this.notifications.decode("{\"collection\":\"articles\",\"changes\":[]}");

		assertThat(read.committedAt()).isBetween(before, Instant.now());
	}

	@Example
	void valuesOfOtherTypesAreRefusedNamingTheFieldAndCollection() {
		ChangeNotification notification = new ChangeNotification("articles", List
			.of(new ItemChange(ChangeType.CREATE, 1, null, Map.of("id", 1, "legacy_date", new Date(0), "title", "x"))),
				COMMITTED_AT);

		assertThatThrownBy(() -> this.notifications.encode(notification))
			.isInstanceOf(ValueCodec.UnsupportedValueException.class)
			.hasMessageContaining("java.util.Date")
			.hasMessageContaining("legacy_date")
			.hasMessageContaining("articles");
		assertThatThrownBy(() -> this.values.encode(new Object()))
			.isInstanceOf(ValueCodec.UnsupportedValueException.class);
		assertThatThrownBy(() -> this.values.encode(Map.of(1, "x")))
			.isInstanceOf(ValueCodec.UnsupportedValueException.class);
	}

	@Example
	void integersLongsAndDecimalsStayApart() {
		assertThat(this.values.decode(this.values.encode(5))).isExactlyInstanceOf(Integer.class);
		assertThat(this.values.decode(this.values.encode(5L))).isExactlyInstanceOf(Long.class);
		assertThat(this.values.decode(this.values.encode(new BigDecimal("5.00")))).isEqualTo(new BigDecimal("5.00"));
		assertThat(this.values.decode(this.values.encode(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
	}

	/** Scalars, and lists and maps of them nested two deep (JSON fields). */
	@Provide
	Arbitrary<@Nullable Object> values() {
		Arbitrary<@Nullable Object> scalars = scalars();
		Arbitrary<@Nullable Object> flat = Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(1, listsOf(scalars)),
				Tuple.of(1, mapsOf(scalars)));
		return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(1, listsOf(flat)), Tuple.of(1, mapsOf(flat)));
	}

	@Provide
	Arbitrary<Map<String, @Nullable Object>> rows() {
		return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), scalars())
			.ofMaxSize(8)
			.map(LinkedHashMap::new);
	}

	@Provide
	Arbitrary<Object> keys() {
		return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.longs(), uuids(),
				Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
	}

	private static Arbitrary<@Nullable Object> listsOf(Arbitrary<@Nullable Object> items) {
		return items.list().ofMaxSize(4).map((list) -> list);
	}

	private static Arbitrary<@Nullable Object> mapsOf(Arbitrary<@Nullable Object> items) {
		return Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), items)
			.ofMaxSize(4)
			.map((map) -> new LinkedHashMap<>(map));
	}

	private Arbitrary<@Nullable Object> scalars() {
		Arbitrary<Long> seconds = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L);
		Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
		Arbitrary<Instant> instants = Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
		Arbitrary<ZoneOffset> offsets = Arbitraries.integers()
			.between(-18 * 3600, 18 * 3600)
			.map(ZoneOffset::ofTotalSeconds);
		Arbitrary<ZoneId> zones = Arbitraries.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("Europe/Paris"),
				ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
		Arbitrary<LocalDateTime> localDateTimes = Combinators.combine(instants, offsets)
			.as((instant, offset) -> LocalDateTime.ofInstant(instant, offset));
		return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings(), Arbitraries.of(true, false),
				Arbitraries.integers(), Arbitraries.longs(), Arbitraries.shorts(), Arbitraries.bytes(),
				Arbitraries.doubles()
					.withSpecialValue(Double.NaN)
					.withSpecialValue(Double.NEGATIVE_INFINITY)
					.withSpecialValue(-0.0),
				Arbitraries.floats().withSpecialValue(Float.POSITIVE_INFINITY),
				// any unscaled value and scale, negative scales (1E+3) included
				Combinators
					.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
							Arbitraries.integers().between(-5, 20))
					.as(BigDecimal::new),
				Arbitraries.bigIntegers()
					.between(BigInteger.valueOf(Long.MIN_VALUE).pow(2).negate(),
							BigInteger.valueOf(Long.MAX_VALUE).pow(2)),
				Arbitraries.chars(), uuids(), instants,
				Combinators.combine(localDateTimes, offsets).as(OffsetDateTime::of),
				Combinators.combine(localDateTimes, zones).as(ZonedDateTime::of), localDateTimes,
				localDateTimes.map(LocalDateTime::toLocalDate), localDateTimes.map(LocalDateTime::toLocalTime),
				Combinators.combine(localDateTimes, offsets)
					.as((time, offset) -> OffsetTime.of(time.toLocalTime(), offset)),
				Arbitraries.of(ChangeType.class), Arbitraries.of(TimeUnit.class), Arbitraries.of(ChronoUnit.class),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(16));
	}

	private static Arbitrary<UUID> uuids() {
		return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
	}

	/** Equal, and of the same class all the way down (arrays by content). */
	private static void assertSameTyped(@Nullable Object actual, @Nullable Object expected) {
		if (expected == null) {
			assertThat(actual).isNull();
			return;
		}
		assertThat(actual).isNotNull();
		if (expected instanceof byte[] bytes) {
			assertThat(actual).isInstanceOf(byte[].class);
			assertThat(Arrays.equals((byte[]) actual, bytes)).isTrue();
		}
		else if (expected instanceof List<?> list) {
			assertThat(actual).isInstanceOf(List.class);
			List<?> read = (List<?>) actual;
			assertThat(read).hasSameSizeAs(list);
			for (int i = 0; i < list.size(); i++) {
				assertSameTyped(read.get(i), list.get(i));
			}
		}
		else if (expected instanceof Map<?, ?> map) {
			assertThat(actual).isInstanceOf(Map.class);
			Map<?, ?> read = (Map<?, ?>) actual;
			assertThat(List.copyOf(read.keySet())).isEqualTo(List.copyOf(map.keySet()));
			map.forEach((key, value) -> assertSameTyped(read.get(key), value));
		}
		else {
			assertThat(actual).isExactlyInstanceOf(expected.getClass()).isEqualTo(expected);
			if (expected instanceof BigDecimal decimal) {
				assertThat(((BigDecimal) actual).scale()).isEqualTo(decimal.scale());
			}
		}
	}

}
