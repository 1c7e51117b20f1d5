package dev.tidings.items.differential;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tidings.query.FilterOperator;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.jspecify.annotations.Nullable;

/**
 * Generates raw filters for {@code probe_rows} as a client sends them: JSON objects with
 * nested paths, bare values for {@code _eq}, several operators or fields in one object,
 * logical operators under a field, {@code _some}/{@code _none} and implicit "some" on
 * {@code children}, {@code $NOW} variables, and values either typed or string-encoded as
 * in a URL ({@code "5"}, {@code "true"}, {@code "null"}, {@code "1,2"}). Values come
 * mostly from the dataset, so that conditions hit real rows; a few operators are put on
 * fields that do not allow them, so the binder's refusals are exercised too.
 */
public final class ProbeFilters {

	private static final List<String> NOW_VARIABLES = List.of("$NOW", "$NOW()", "$NOW(-1 day)", "$NOW(-1d)",
			"$NOW(+1 hour)", "$NOW(1h)", "$NOW(-7 days)", "$NOW(-1 week)", "$NOW(-1 year)", "$NOW(-30 min)",
			"$NOW(+1 ms)", "$NOW(-1s)", "$NOW(-1 mo)", "$NOW(-1.5 days)");

	private static final Scope PARENT = new Scope(List.of(
			new Field("id", FieldType.INTEGER, (data) -> values(data.parents(), Dataset.Parent::id),
					Arbitraries.integers().between(0, 5).map(Object.class::cast)),
			new Field("name", FieldType.STRING, (data) -> values(data.parents(), Dataset.Parent::name), texts()),
			new Field("rank_no", FieldType.INTEGER, (data) -> values(data.parents(), Dataset.Parent::rank),
					Arbitraries.integers().between(-3, 5).map(Object.class::cast))),
			null, null);

	private static final Scope CHILD = new Scope(List.of(
			new Field("id", FieldType.INTEGER, (data) -> values(data.children(), Dataset.Child::id),
					Arbitraries.integers().between(0, 30).map(Object.class::cast)),
			new Field("owner_row", FieldType.INTEGER, (data) -> values(data.children(), Dataset.Child::row),
					Arbitraries.integers().between(0, 25).map(Object.class::cast)),
			new Field("label", FieldType.STRING, (data) -> values(data.children(), Dataset.Child::label), texts()),
			new Field("score", FieldType.INTEGER, (data) -> values(data.children(), Dataset.Child::score),
					Arbitraries.integers().between(-3, 5).map(Object.class::cast))),
			null, null);

	private static final Scope ROWS = new Scope(List.of(
			new Field("id", FieldType.INTEGER, (data) -> values(data.rows(), Dataset.Row::id),
					Arbitraries.integers().between(0, 26).map(Object.class::cast)),
			new Field("s", FieldType.STRING, (data) -> values(data.rows(), Dataset.Row::s), texts()),
			new Field("t", FieldType.TEXT, (data) -> values(data.rows(), Dataset.Row::t), texts()),
			new Field("i", FieldType.INTEGER, (data) -> values(data.rows(), Dataset.Row::i),
					nonNull(ProbeData.integers())),
			new Field("l", FieldType.BIG_INTEGER, (data) -> values(data.rows(), Dataset.Row::l),
					nonNull(ProbeData.longs())),
			new Field("d", FieldType.FLOAT, (data) -> finite(values(data.rows(), Dataset.Row::d)),
					nonNull(ProbeData.doubles()).filter((value) -> Double.isFinite((Double) value))),
			new Field("n", FieldType.DECIMAL, (data) -> values(data.rows(), Dataset.Row::n),
					nonNull(ProbeData.decimals())),
			new Field("b", FieldType.BOOLEAN, (data) -> values(data.rows(), Dataset.Row::b),
					Arbitraries.of(true, false)),
			new Field("u", FieldType.UUID, (data) -> values(data.rows(), Dataset.Row::u),
					Arbitraries.of(ProbeData.UUIDS)),
			new Field("ts", FieldType.TIMESTAMP, (data) -> values(data.rows(), Dataset.Row::ts),
					nonNull(ProbeData.instants())),
			new Field("day_on", FieldType.DATE, (data) -> values(data.rows(), Dataset.Row::day),
					nonNull(ProbeData.dates())),
			new Field("parent", FieldType.INTEGER, (data) -> values(data.rows(), Dataset.Row::parent),
					Arbitraries.integers().between(0, 5).map(Object.class::cast)),
			datePart(FieldFunction.YEAR, "ts", Dataset.Row::ts), datePart(FieldFunction.MONTH, "ts", Dataset.Row::ts),
			datePart(FieldFunction.WEEK, "ts", Dataset.Row::ts), datePart(FieldFunction.DAY, "ts", Dataset.Row::ts),
			datePart(FieldFunction.WEEKDAY, "ts", Dataset.Row::ts), datePart(FieldFunction.HOUR, "ts", Dataset.Row::ts),
			datePart(FieldFunction.MINUTE, "ts", Dataset.Row::ts),
			datePart(FieldFunction.SECOND, "ts", Dataset.Row::ts),
			datePart(FieldFunction.WEEK, "day_on", Dataset.Row::day),
			datePart(FieldFunction.WEEKDAY, "day_on", Dataset.Row::day), new Field("count(children)", FieldType.INTEGER,
					ProbeFilters::childCounts, Arbitraries.integers().between(0, 4).map(Object.class::cast))),
			PARENT, CHILD);

	private ProbeFilters() {
	}

	/** A function field: an integer the function gives for the values the rows hold. */
	private static Field datePart(FieldFunction function, String field, Function<Dataset.Row, @Nullable Object> value) {
		return new Field(function.token() + "(" + field + ")", FieldType.INTEGER,
				(data) -> values(data.rows(), (row) -> function.apply(value.apply(row))),
				ProbeFilters.functionValues());
	}

	/**
	 * Numbers a function's value is compared with: mostly whole, sometimes with a
	 * fraction, which no integer equals.
	 */
	static Arbitrary<Object> functionValues() {
		return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.integers().between(0, 60).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.of(new BigDecimal("1.5"), "2.5", "-0.5", "3.0").map(Object.class::cast)));
	}

	private static List<Object> childCounts(Dataset data) {
		return data.rows()
			.stream()
			.map((row) -> (Object) (int) data.children()
				.stream()
				.filter((child) -> Objects.equals(child.row(), row.id()))
				.count())
			.distinct()
			.toList();
	}

	/** A filter on {@code probe_rows}, nested up to three levels. */
	static Arbitrary<Map<String, @Nullable Object>> filters(Dataset data) {
		return filter(ROWS, data, 3);
	}

	/**
	 * A filter over the given fields of any collection without relations, nested up to
	 * three levels, built by the same rules as the filters on {@code probe_rows}: for
	 * permission rules on the demo's {@code articles}, for instance.
	 */
	public static Arbitrary<Map<String, @Nullable Object>> filters(List<Operand> fields) {
		Scope scope = new Scope(fields.stream()
			.map((field) -> new Field(field.name(), field.type(), (data) -> field.present(), field.pool(),
					field.operators()))
			.toList(), null, null);
		return filter(scope, new Dataset(List.of(), List.of(), List.of()), 3);
	}

	/**
	 * A field a generated filter may test.
	 *
	 * @param name the API name
	 * @param type the field's type, which decides the operators
	 * @param present values rows hold, so that conditions hit rows
	 * @param pool other values of the type
	 * @param operators the operators the field allows (an enum's are fewer than its
	 * type's)
	 */
	public record Operand(String name, FieldType type, List<Object> present, Arbitrary<Object> pool,
			Set<FilterOperator> operators) {

		public Operand {
			present = List.copyOf(present);
		}

		public Operand(String name, FieldType type, List<Object> present, Arbitrary<Object> pool) {
			this(name, type, present, pool, FilterOperator.allowedFor(type));
		}

	}

	/** A single condition on one field of {@code probe_rows} with the given operator. */
	static Arbitrary<Map<String, @Nullable Object>> condition(String field, FilterOperator operator, Dataset data) {
		Field probe = ROWS.fields()
			.stream()
			.filter((candidate) -> candidate.name().equals(field))
			.findFirst()
			.orElseThrow();
		return operand(probe, operator, data).map((value) -> Map.of(field, singleton(operator.token(), value)));
	}

	private record Field(String name, FieldType type, Function<Dataset, List<Object>> values, Arbitrary<Object> pool,
			Set<FilterOperator> operators) {

		Field(String name, FieldType type, Function<Dataset, List<Object>> values, Arbitrary<Object> pool) {
			this(name, type, values, pool, FilterOperator.allowedFor(type));
		}

	}

	/** The fields of one collection, and where its relations lead. */
	private record Scope(List<Field> fields, @Nullable Scope parent, @Nullable Scope children) {

	}

	private static Arbitrary<Map<String, @Nullable Object>> filter(Scope scope, Dataset data, int depth) {
		List<Tuple2<Integer, Arbitrary<Map<String, @Nullable Object>>>> options = new ArrayList<>();
		options.add(Tuple.of(8, leaf(scope, data)));
		if (depth > 0) {
			Arbitrary<List<Map<String, @Nullable Object>>> branches = Arbitraries
				.lazy(() -> filter(scope, data, depth - 1))
				.list()
				.ofMinSize(1)
				.ofMaxSize(3);
			options.add(Tuple.of(2, Combinators.combine(branches, Arbitraries.of(true, false)).as(ProbeFilters::and)));
			options.add(Tuple.of(2, branches.map((list) -> singleton("_or", list))));
			Scope parent = scope.parent();
			if (parent != null) {
				options.add(Tuple.of(1, Arbitraries.lazy(() -> filter(parent, data, depth - 1))
					.map((inner) -> singleton("parent", inner))));
			}
			Scope children = scope.children();
			if (children != null) {
				Arbitrary<Map<String, @Nullable Object>> inner = Arbitraries.frequencyOf(
						Tuple.of(5, Arbitraries.lazy(() -> filter(children, data, depth - 1))),
						Tuple.of(1, Arbitraries.just(Map.<String, @Nullable Object>of())));
				options.add(Tuple.of(2, Combinators.combine(Arbitraries.of("_some", "_none"), inner)
					.as((operator, filter) -> singleton("children", singleton(operator, filter)))));
				// A plain path through the alias: "some child matches".
				options.add(Tuple.of(1, Arbitraries.lazy(() -> filter(children, data, depth - 1))
					.map((filter) -> singleton("children", filter))));
			}
		}
		return Arbitraries.frequencyOf(options.toArray(Tuple2[]::new));
	}

	/**
	 * {@code _and}, or the branches merged into one object when their keys allow it (the
	 * parser turns several keys into {@code _and} itself).
	 */
	private static Map<String, @Nullable Object> and(List<Map<String, @Nullable Object>> branches, boolean merge) {
		if (merge) {
			Optional<Map<String, @Nullable Object>> merged = Optional.of(Map.of());
			for (Map<String, @Nullable Object> branch : branches) {
				merged = merged.flatMap((sofar) -> merge(sofar, branch));
			}
			if (merged.isPresent()) {
				return merged.get();
			}
		}
		return singleton("_and", branches);
	}

	@SuppressWarnings("unchecked")
	private static Optional<Map<String, @Nullable Object>> merge(Map<String, @Nullable Object> left,
			Map<String, @Nullable Object> right) {
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(left);
		for (Map.Entry<String, @Nullable Object> entry : right.entrySet()) {
			String key = entry.getKey();
			if (!merged.containsKey(key)) {
				merged.put(key, entry.getValue());
				continue;
			}
			Object existing = merged.get(key);
			if (key.startsWith("_") || !(existing instanceof Map) || !(entry.getValue() instanceof Map)) {
				return Optional.empty();
			}
			Optional<Map<String, @Nullable Object>> inner = merge((Map<String, @Nullable Object>) existing,
					(Map<String, @Nullable Object>) entry.getValue());
			if (inner.isEmpty()) {
				return Optional.empty();
			}
			merged.put(key, inner.get());
		}
		return Optional.of(merged);
	}

	private static Arbitrary<Map<String, @Nullable Object>> leaf(Scope scope, Dataset data) {
		// Text fields have the most operators and the subtlest rules: pick them more
		// often.
		Arbitrary<Field> fields = Arbitraries
			.frequencyOf(scope.fields()
				.stream()
				.map((field) -> Tuple.of(field.type().isText() ? 4 : 1, Arbitraries.just(field)))
				.toArray(Tuple2[]::new))
			.withoutEdgeCases();
		return fields.flatMap(
				(field) -> operators(field).flatMap(
						(operator) -> Combinators.combine(operand(field, operator, data), Arbitraries.of(false, true))
							.as((value, bare) -> (bare && operator == FilterOperator.EQ)
									? singleton(field.name(), value)
									: singleton(field.name(), singleton(operator.token(), value)))));
	}

	/**
	 * Mostly operators the field's type allows (for text, the pattern operators half of
	 * the time); now and then any operator.
	 */
	private static Arbitrary<FilterOperator> operators(Field field) {
		Arbitrary<FilterOperator> allowed = Arbitraries.of(field.operators());
		if (field.type().isText() && field.operators().containsAll(FilterOperator.allowedFor(field.type()))) {
			allowed = Arbitraries.oneOf(allowed,
					Arbitraries.of(FilterOperator.class).filter(FilterOperator::isPattern));
		}
		// Without edge cases, which would favour the first and last operator of each set.
		return Arbitraries.frequencyOf(Tuple.of(33, allowed), Tuple.of(1, Arbitraries.of(FilterOperator.class)))
			.withoutEdgeCases();
	}

	private static Arbitrary<@Nullable Object> operand(Field field, FilterOperator operator, Dataset data) {
		if (operator.takesFlag()) {
			return Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.of(true, false)),
					Tuple.of(8, Arbitraries.of("true", "false")), Tuple.of(1, Arbitraries.of("yes", 0, "", "null")));
		}
		if (operator.takesList()) {
			Arbitrary<Object> item = scalar(field, data);
			if (operator == FilterOperator.IN || operator == FilterOperator.NIN) {
				// Expands to the caller's roles: none for an anonymous caller.
				item = Arbitraries.frequencyOf(Tuple.of(30, item), Tuple.of(1, Arbitraries.just("$CURRENT_ROLES")));
			}
			Arbitrary<List<Object>> list = (operator == FilterOperator.IN || operator == FilterOperator.NIN)
					? item.list().ofMinSize(1).ofMaxSize(4)
					: Arbitraries.frequencyOf(Tuple.of(40, item.list().ofSize(2)), Tuple.of(1, item.list().ofSize(3)));
			// The URL form: qs gives one comma-separated string.
			return Arbitraries.frequencyOf(Tuple.of(4, list.map(Object.class::cast)),
					Tuple.of(1, list.map(ProbeFilters::commaSeparated)));
		}
		if (operator.isPattern()) {
			return pattern(field, data).map(Object.class::cast);
		}
		if (operator == FilterOperator.EQ || operator == FilterOperator.NEQ) {
			// A null value means _null / _nnull; the URL writes it as "null".
			return Arbitraries.frequencyOf(Tuple.of(16, scalar(field, data)),
					Tuple.of(1, Arbitraries.of(null, "null", "NULL")));
		}
		return scalar(field, data).map(Object.class::cast);
	}

	private static Object commaSeparated(List<Object> items) {
		boolean plain = items.stream().allMatch((item) -> item instanceof String || item instanceof Number);
		if (!plain || items.stream().anyMatch((item) -> String.valueOf(item).contains(","))) {
			return items;
		}
		return items.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/**
	 * A value of the field's type, often one the dataset holds, encoded as a client may.
	 */
	private static Arbitrary<Object> scalar(Field field, Dataset data) {
		List<Object> present = field.values().apply(data);
		if (field.type().isText()) {
			// An empty string is refused by the parser; _empty is the way to ask.
			present = present.stream().filter((value) -> !"".equals(value)).toList();
		}
		Arbitrary<Object> typed = present.isEmpty() ? field.pool()
				: Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.of(present)), Tuple.of(3, field.pool()));
		Arbitrary<Object> encoded = typed.flatMap(ProbeFilters::encodings);
		return switch (field.type()) {
			case TIMESTAMP, DATE ->
				Arbitraries.frequencyOf(Tuple.of(4, encoded), Tuple.of(1, Arbitraries.of(NOW_VARIABLES)));
			// Finer than the column's scale, or written with an exponent.
			case DECIMAL -> Arbitraries.frequencyOf(Tuple.of(6, encoded),
					Tuple.of(1, Arbitraries.of("1.5001", "1.4999", "0.0005", "-0.0", "1E+1", "1.5e0", "1000000000")));
			// An anonymous caller has no user: the condition matches no row.
			case UUID -> Arbitraries.frequencyOf(Tuple.of(20, encoded), Tuple.of(1, Arbitraries.just("$CURRENT_USER")));
			default -> encoded;
		};
	}

	/** The ways a value travels in JSON: typed where JSON has the type, or as text. */
	private static Arbitrary<Object> encodings(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return Arbitraries.of(value, String.valueOf(value));
		}
		if (value instanceof Double number) {
			return Arbitraries.of(number, Double.toString(number));
		}
		if (value instanceof BigDecimal decimal) {
			return Arbitraries.of(decimal.toPlainString(), decimal, decimal.stripTrailingZeros().toPlainString());
		}
		if (value instanceof Boolean bool) {
			return Arbitraries.of(bool, bool.toString());
		}
		if (value instanceof UUID uuid) {
			return Arbitraries.of(uuid.toString(), uuid.toString().toUpperCase(Locale.ROOT));
		}
		if (value instanceof Instant instant) {
			return Arbitraries.of(instant.toString(), instant.atOffset(ZoneOffset.ofHours(2)).toString(),
					LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString(), instant.toString().replace('T', ' '));
		}
		if (value instanceof LocalDate date) {
			return Arbitraries.of(date.toString(), date.atTime(12, 0).toString());
		}
		return Arbitraries.just(value);
	}

	/**
	 * A substring of a value the dataset holds, sometimes in another case, or a pattern
	 * character on its own.
	 */
	private static Arbitrary<String> pattern(Field field, Dataset data) {
		Arbitrary<String> pool = Arbitraries.of("a", "A", "é", "É", "ü", "%", "_", "\\", "a%", "_b", "\\b", " ", "1",
				"e\u0301", "ÉCOLE");
		List<String> texts = field.values()
			.apply(data)
			.stream()
			.filter((value) -> value instanceof String text && !text.isEmpty())
			.map(String.class::cast)
			.toList();
		if (texts.isEmpty()) {
			return pool;
		}
		Arbitrary<String> slices = Arbitraries.of(texts)
			.flatMap((text) -> Arbitraries.integers()
				.between(0, text.length() - 1)
				.flatMap((start) -> Arbitraries.integers()
					.between(start + 1, text.length())
					.map((end) -> text.substring(start, end))));
		Arbitrary<String> cased = slices
			.flatMap((slice) -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(slice)),
					Tuple.of(1, Arbitraries.just(slice.toUpperCase(Locale.ROOT))),
					Tuple.of(1, Arbitraries.just(slice.toLowerCase(Locale.ROOT)))));
		return Arbitraries.frequencyOf(Tuple.of(7, cased), Tuple.of(3, pool));
	}

	private static Arbitrary<Object> texts() {
		return nonNull(ProbeData.strings()).filter((text) -> !"".equals(text));
	}

	private static Arbitrary<Object> nonNull(Arbitrary<?> values) {
		return values.filter(Objects::nonNull).map(Object.class::cast);
	}

	private static <T> List<Object> values(List<T> items, Function<T, @Nullable Object> getter) {
		return items.stream().map(getter).filter(Objects::nonNull).distinct().map(Object.class::cast).toList();
	}

	private static List<Object> finite(List<Object> values) {
		return values.stream().filter((value) -> Double.isFinite((Double) value)).toList();
	}

	private static Map<String, @Nullable Object> singleton(String key, @Nullable Object value) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put(key, value);
		return map;
	}

}
