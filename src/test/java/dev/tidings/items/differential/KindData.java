package dev.tidings.items.differential;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.tidings.items.differential.ProbeFilters.Operand;
import dev.tidings.query.FilterOperator;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Generates rows of {@code probe_kinds} and the fields a filter on them may test, by
 * group of field kinds. Values sit where evaluators of these kinds tend to disagree: enum
 * names whose alphabetical order is not their ordinal order, an embedded value that is
 * null or holds only nulls, language tags differing in case and region, times and
 * date-times a microsecond apart, the same instant at different offsets, integers past
 * the range of a long, and pattern characters as a char.
 */
final class KindData {

	/**
	 * What enums and converted attributes allow: their Java order and text need not be
	 * the database's, so they compare by identity only.
	 */
	private static final Set<FilterOperator> IDENTITY = FilterOperator.allowedFor(FieldType.UUID);

	private static final LocalDateTime NOW = LocalDateTime.ofInstant(ProbeData.NOW, ZoneOffset.UTC);

	private static final List<Locale> LOCALES = Stream.of("en", "en-GB", "en-US", "fr-CA", "de-CH", "pt")
		.map(Locale::forLanguageTag)
		.toList();

	/**
	 * Times a second apart, no finer: Hibernate declares a {@code LocalTime} column as
	 * {@code time}, which keeps whole seconds on H2, and binds it through
	 * {@code java.sql.Time}; a finer value is rounded where no evaluator of ours can see.
	 */
	private static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.of(9, 30),
			LocalTime.of(9, 30, 1), LocalTime.of(9, 29, 59), LocalTime.of(17, 45, 30), LocalTime.of(23, 59, 59));

	private static final List<LocalDateTime> DATE_TIMES = List.of(NOW, NOW.plusNanos(1000), NOW.minusNanos(1000),
			NOW.minusDays(1), NOW.plusHours(1), NOW.minusYears(1), LocalDateTime.of(2024, 2, 29, 23, 59, 59),
			LocalDateTime.of(1970, 1, 1, 0, 0));

	private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(2),
			ZoneOffset.ofHoursMinutes(-5, -30));

	private static final List<BigInteger> BIG_INTEGERS = Stream
		.of("0", "1", "-1", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
				"100000000000000000000", "-3")
		.map(BigInteger::new)
		.toList();

	private static final List<Character> MARKS = List.of('a', 'A', 'é', 'É', '%', '_', '\\', '1', 'z');

	/** The field kinds, each tested by a property of its own. */
	enum Group {

		ENUMS, EMBEDDED, CONVERTED, LOCAL_TIMES, OFFSET_DATE_TIMES, DATE_PARTS, NUMBERS_AND_CHARACTERS

	}

	private KindData() {
	}

	/** Ten to twenty-five rows, keyed by position. */
	static Arbitrary<List<KindRow>> rows() {
		Arbitrary<Tuple.Tuple6<@Nullable ProbeLevel, @Nullable ProbeLevel, Boolean, @Nullable String, @Nullable Integer, @Nullable Locale>> first = Combinators
			.combine(levels(), levels(), Arbitraries.frequency(Tuple.of(1, false), Tuple.of(4, true)),
					ProbeData.strings(), ProbeData.smallIntegers(), nullOr(LOCALES))
			.as(Tuple::of);
		Arbitrary<Tuple.Tuple5<@Nullable LocalTime, @Nullable LocalDateTime, @Nullable OffsetDateTime, @Nullable BigInteger, @Nullable Character>> second = Combinators
			.combine(nullOr(TIMES), nullOr(DATE_TIMES), offsetDateTimes(), nullOr(BIG_INTEGERS), nullOr(MARKS))
			.as(Tuple::of);
		return Combinators.combine(first, second).as(Tuple::of).list().ofMinSize(10).ofMaxSize(25).map((values) -> {
			List<KindRow> rows = new ArrayList<>();
			for (int i = 0; i < values.size(); i++) {
				var a = values.get(i).get1();
				var b = values.get(i).get2();
				boolean spot = a.get3();
				rows.add(new KindRow(i + 1, a.get1(), a.get2(), spot, spot ? a.get4() : null, spot ? a.get5() : null,
						a.get6(), b.get1(), b.get2(), b.get3(), b.get4(), b.get5()));
			}
			return rows;
		});
	}

	/**
	 * The fields of a group as a filter may test them: their API names, the types the
	 * decided mapping gives them, the values the rows hold as JSON carries them, and
	 * others.
	 */
	static List<Operand> operands(Group group, List<KindRow> rows) {
		return switch (group) {
			case ENUMS ->
				List.of(enumOperand("grade", rows, KindRow::grade), enumOperand("priority", rows, KindRow::priority));
			case EMBEDDED -> List.of(
					new Operand("aisle", FieldType.STRING, present(rows, KindRow::aisle),
							ProbeData.strings().filter(Objects::nonNull).map(Object.class::cast)),
					new Operand("bay_no", FieldType.INTEGER, present(rows, KindRow::bay),
							Arbitraries.integers().between(-3, 5).map(Object.class::cast)));
			case CONVERTED -> List.of(new Operand("tongue", FieldType.STRING,
					present(rows, (row) -> (row.tongue() != null) ? row.tongue().toLanguageTag() : null),
					Arbitraries.of("en", "en-GB", "EN-gb", "fr", "de-CH", "pt-BR").map(Object.class::cast), IDENTITY));
			case LOCAL_TIMES -> List.of(
					new Operand("opens", FieldType.TIME, present(rows, (row) -> text(row.opens())),
							Arbitraries.of(TIMES).map(LocalTime::toString).map(Object.class::cast)),
					new Operand("seen", FieldType.DATE_TIME,
							Stream
								.concat(present(rows, (row) -> text(row.seen())).stream(),
										present(rows, (row) -> spaced(row.seen())).stream())
								.toList(),
							Arbitraries.of(DATE_TIMES).map(LocalDateTime::toString).map(Object.class::cast)));
			case OFFSET_DATE_TIMES -> List.of(new Operand("held", FieldType.TIMESTAMP,
					present(rows, (row) -> (row.held() != null) ? row.held().toInstant() : null),
					ProbeData.instants().filter(Objects::nonNull).map(Object.class::cast)));
			// instants at several offsets: their parts are the UTC ones on every database
			case DATE_PARTS ->
				Stream
					.concat(Stream
						.of(FieldFunction.YEAR, FieldFunction.DAY, FieldFunction.WEEK, FieldFunction.WEEKDAY,
								FieldFunction.HOUR, FieldFunction.MINUTE)
						.map((function) -> datePart(function, "held", rows, KindRow::held)),
							Stream.of(datePart(FieldFunction.HOUR, "opens", rows, KindRow::opens),
									datePart(FieldFunction.SECOND, "opens", rows, KindRow::opens),
									datePart(FieldFunction.WEEKDAY, "seen", rows, KindRow::seen),
									datePart(FieldFunction.MONTH, "seen", rows, KindRow::seen)))
					.toList();
			case NUMBERS_AND_CHARACTERS -> List.of(
					new Operand("big", FieldType.BIG_INTEGER,
							Stream
								.concat(present(rows, KindRow::big).stream(),
										present(rows, (row) -> text(row.big())).stream())
								.toList(),
							Arbitraries.of(BIG_INTEGERS).map(Object.class::cast)),
					new Operand("mark", FieldType.STRING, present(rows, (row) -> text(row.mark())),
							Arbitraries.of(MARKS).map(String::valueOf).map(Object.class::cast)));
		};
	}

	private static Operand enumOperand(String name, List<KindRow> rows,
			Function<KindRow, @Nullable ProbeLevel> getter) {
		return new Operand(name, FieldType.STRING,
				present(rows, (row) -> (getter.apply(row) != null) ? getter.apply(row).name() : null),
				Arbitraries.of(Arrays.stream(ProbeLevel.values()).map(ProbeLevel::name).toList())
					.map(Object.class::cast),
				IDENTITY);
	}

	private static Operand datePart(FieldFunction function, String field, List<KindRow> rows,
			Function<KindRow, @Nullable Object> getter) {
		return new Operand(function.token() + "(" + field + ")", FieldType.INTEGER,
				present(rows, (row) -> function.apply(getter.apply(row))), ProbeFilters.functionValues());
	}

	private static List<Object> present(List<KindRow> rows, Function<KindRow, @Nullable Object> getter) {
		return rows.stream().map(getter).filter(Objects::nonNull).distinct().map(Object.class::cast).toList();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	/** A date-time as SQL and many clients write it: a space between date and time. */
	private static @Nullable String spaced(@Nullable LocalDateTime value) {
		return (value != null) ? value.toString().replace('T', ' ') : null;
	}

	private static Arbitrary<@Nullable ProbeLevel> levels() {
		return nullOr(List.of(ProbeLevel.values()));
	}

	/** Instants of the plain probe, each at one of several offsets. */
	private static Arbitrary<@Nullable OffsetDateTime> offsetDateTimes() {
		return Combinators.combine(ProbeData.instants(), Arbitraries.of(OFFSETS))
			.as((instant, offset) -> (instant != null) ? ((Instant) instant).atOffset(offset) : null);
	}

	private static <T> Arbitrary<@Nullable T> nullOr(List<T> values) {
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(4, Arbitraries.of(values)));
	}

}
