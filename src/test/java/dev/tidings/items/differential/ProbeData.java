package dev.tidings.items.differential;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Generates datasets whose values sit where evaluators tend to disagree: nulls
 * everywhere, empty strings, case and accents, the pattern characters {@code %},
 * {@code _} and {@code \}, zero and negative zero, integer extremes, decimals written
 * with different scales, timestamps a microsecond apart around "now". Pools are small so
 * that generated filters hit values the rows really hold.
 */
public final class ProbeData {

	/** {@code $NOW} for every bound filter of the differential tests. */
	static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

	/** The characters of generated text, all in the BMP. */
	static final String ALPHABET = "aAbBéÉüÜ%_\\ 019";

	public static final List<UUID> UUIDS = List.of(UUID.fromString("00000000-0000-0000-0000-000000000000"),
			UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
			UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"));

	private static final List<Instant> INSTANT_BASES = List.of(NOW, NOW.minus(Duration.ofDays(1)),
			NOW.plus(Duration.ofHours(1)), NOW.minus(Duration.ofDays(7)),
			NOW.atZone(ZoneOffset.UTC).minusYears(1).toInstant(), Instant.parse("2024-02-29T23:59:59.999999Z"),
			Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.5Z"));

	private static final List<Duration> INSTANT_OFFSETS = List.of(Duration.ZERO, Duration.of(1, ChronoUnit.MICROS),
			Duration.of(-1, ChronoUnit.MICROS), Duration.ofMillis(1), Duration.ofMillis(-1), Duration.ofSeconds(1),
			Duration.ofSeconds(-1), Duration.ofMinutes(-30));

	private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

	private ProbeData() {
	}

	static Arbitrary<Dataset> datasets() {
		Arbitrary<List<Tuple.Tuple2<@Nullable String, @Nullable Integer>>> parents = Combinators
			.combine(strings(), smallIntegers())
			.as(Tuple::of)
			.list()
			.ofMaxSize(4);
		Arbitrary<List<RowValues>> rows = rowValues().list().ofMinSize(10).ofMaxSize(25);
		Arbitrary<List<Tuple.Tuple3<Integer, @Nullable String, @Nullable Integer>>> children = Combinators
			.combine(Arbitraries.integers().between(-1, 24), strings(), smallIntegers())
			.as(Tuple::of)
			.list()
			.ofMaxSize(30);
		return Combinators.combine(parents, rows, children).as(ProbeData::assemble);
	}

	/** Keys are positions, so that a shrunk dataset keeps its references valid. */
	private static Dataset assemble(List<Tuple.Tuple2<@Nullable String, @Nullable Integer>> parentValues,
			List<RowValues> rowValues, List<Tuple.Tuple3<Integer, @Nullable String, @Nullable Integer>> childValues) {
		List<Dataset.Parent> parents = new ArrayList<>();
		for (int i = 0; i < parentValues.size(); i++) {
			parents.add(new Dataset.Parent(i + 1, parentValues.get(i).get1(), parentValues.get(i).get2()));
		}
		List<Dataset.Row> rows = new ArrayList<>();
		for (int i = 0; i < rowValues.size(); i++) {
			RowValues values = rowValues.get(i);
			Integer parent = (values.parent() < 0 || parents.isEmpty()) ? null : values.parent() % parents.size() + 1;
			rows.add(new Dataset.Row(i + 1, values.s(), values.t(), values.i(), values.l(), values.d(), values.n(),
					values.b(), values.u(), values.ts(), values.day(), parent));
		}
		List<Dataset.Child> children = new ArrayList<>();
		for (int i = 0; i < childValues.size(); i++) {
			int owner = childValues.get(i).get1();
			// An orphan now and then: a child that belongs to no row.
			Integer row = (owner < 0) ? null : owner % rows.size() + 1;
			children.add(new Dataset.Child(i + 1, row, childValues.get(i).get2(), childValues.get(i).get3()));
		}
		return new Dataset(parents, rows, children);
	}

	private record RowValues(@Nullable String s, @Nullable String t, @Nullable Integer i, @Nullable Long l,
			@Nullable Double d, @Nullable BigDecimal n, @Nullable Boolean b, @Nullable UUID u, @Nullable Instant ts,
			@Nullable LocalDate day, int parent) {

	}

	private static Arbitrary<RowValues> rowValues() {
		Arbitrary<Tuple.Tuple8<@Nullable String, @Nullable String, @Nullable Integer, @Nullable Long, @Nullable Double, @Nullable BigDecimal, @Nullable Boolean, @Nullable UUID>> scalars = Combinators
			.combine(strings(), strings(), integers(), longs(), doubles(), decimals(), booleans(), uuids())
			.as(Tuple::of);
		return Combinators.combine(scalars, instants(), dates(), Arbitraries.integers().between(-1, 3))
			.as((values, ts, day, parent) -> new RowValues(values.get1(), values.get2(), values.get3(), values.get4(),
					values.get5(), values.get6(), values.get7(), values.get8(), ts, day, parent));
	}

	public static Arbitrary<@Nullable String> strings() {
		Arbitrary<String> random = Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(6);
		Arbitrary<String> special = Arbitraries.of("a", "A", "é", "É", "ü", "Ü", "ab", "aB", "AB", "%", "_", "\\",
				"a%b", "a_b", "a\\b", "100%", " a", "a ", "null", "true", "e\u0301", "ÉCOLE", "école");
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(null)), Tuple.of(1, Arbitraries.just("")),
				Tuple.of(3, special), Tuple.of(5, random));
	}

	static Arbitrary<@Nullable Integer> smallIntegers() {
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)),
				Tuple.of(5, Arbitraries.integers().between(-3, 5)));
	}

	static Arbitrary<@Nullable Integer> integers() {
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(null)),
				Tuple.of(2, Arbitraries.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 1)),
				Tuple.of(5, Arbitraries.integers().between(-5, 5)));
	}

	static Arbitrary<@Nullable Long> longs() {
		return Arbitraries.frequencyOf(
				Tuple.of(2, Arbitraries.just(null)), Tuple.of(2, Arbitraries.of(0L, Long.MIN_VALUE, Long.MAX_VALUE,
						1L << 53, (1L << 53) + 1, (long) Integer.MAX_VALUE + 1)),
				Tuple.of(5, Arbitraries.longs().between(-5, 5)));
	}

	static Arbitrary<@Nullable Double> doubles() {
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(null)),
				Tuple.of(4, Arbitraries.of(0.0, -0.0, 1.5, -2.25, 0.1, 3.0, 1e300, -1e-300, 1e-9, 2.5e-7)),
				Tuple.of(1,
						Arbitraries.of(Double.MAX_VALUE, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
								Double.NEGATIVE_INFINITY, Double.NaN)),
				Tuple.of(3, Arbitraries.integers().between(-3, 3).map(Integer::doubleValue)));
	}

	static Arbitrary<@Nullable BigDecimal> decimals() {
		Arbitrary<BigDecimal> edges = Arbitraries
			.of("0", "0.000", "1.5", "1.500", "1.50", "-1.5", "0.001", "-0.001", "2", "999999999.999", "-999999999.999",
					"10", "0.1")
			.map(BigDecimal::new);
		Arbitrary<BigDecimal> small = Combinators
			.combine(Arbitraries.integers().between(-3000, 3000), Arbitraries.integers().between(0, 3))
			.as(BigDecimal::valueOf);
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(null)), Tuple.of(4, edges), Tuple.of(3, small));
	}

	static Arbitrary<@Nullable Boolean> booleans() {
		return Arbitraries.of(null, true, false);
	}

	static Arbitrary<@Nullable UUID> uuids() {
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(3, Arbitraries.of(UUIDS)));
	}

	static Arbitrary<@Nullable Instant> instants() {
		Arbitrary<Instant> near = Combinators.combine(Arbitraries.of(INSTANT_BASES), Arbitraries.of(INSTANT_OFFSETS))
			.as(Instant::plus);
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(5, near));
	}

	static Arbitrary<@Nullable LocalDate> dates() {
		Arbitrary<LocalDate> near = Arbitraries.of(0, 1, -1, 7, -7, -365).map((days) -> TODAY.plusDays(days));
		Arbitrary<LocalDate> fixed = Arbitraries.of(LocalDate.of(2024, 2, 29), LocalDate.of(1970, 1, 1),
				LocalDate.of(1999, 12, 31));
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(4, near), Tuple.of(1, fixed));
	}

}
