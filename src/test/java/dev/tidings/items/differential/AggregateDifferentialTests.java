package dev.tidings.items.differential;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldFunction;
import dev.tidings.security.Accountability;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random aggregates over random data: each function ({@code count},
 * {@code countDistinct}, {@code countAll}, {@code sum}, {@code sumDistinct}, {@code avg},
 * {@code avgDistinct}, {@code min}, {@code max}) of a number or date field, alone or
 * grouped by a field or by a function of one, read through the whole read path, equals a
 * plain evaluation of the same meaning: nulls ignored, an empty set's sum, average, least
 * and greatest null, every result a number.
 */
class AggregateDifferentialTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	/**
	 * Averages are divisions: the databases and Java round them at different digits (H2
	 * keeps ten decimals).
	 */
	private static final MathContext PRECISION = new MathContext(9);

	private static final ProbeDatabases DATABASES = new ProbeDatabases();

	private static final Map<String, Function<Dataset.Row, @Nullable Object>> MEASURED = Map.of("i", Dataset.Row::i,
			"l", Dataset.Row::l, "n", Dataset.Row::n, "day_on", Dataset.Row::day);

	private static final Map<String, Function<Dataset.Row, @Nullable Object>> GROUPS = Map.of("b", Dataset.Row::b,
			"parent", Dataset.Row::parent, "year(ts)", (row) -> FieldFunction.YEAR.apply(row.ts()), "weekday(day_on)",
			(row) -> FieldFunction.WEEKDAY.apply(row.day()));

	private static final Map<String, String> GROUP_KEYS = Map.of("b", "b", "parent", "parent", "year(ts)", "ts_year",
			"weekday(day_on)", "day_on_weekday");

	@Property(tries = 200)
	void h2AggregatesAsThePlainEvaluation(@ForAll("scenarios") Scenario scenario) {
		check(DATABASES.get(ProbeDatabase.Kind.H2), scenario);
	}

	@Property(tries = 150)
	@Tag("postgres")
	void postgresAggregatesAsThePlainEvaluation(@ForAll("scenarios") Scenario scenario) {
		check(DATABASES.get(ProbeDatabase.Kind.POSTGRES), scenario);
	}

	/** One function of one field, optionally grouped. */
	record Scenario(Dataset dataset, String function, String field, @Nullable String group) {

		@Override
		public String toString() {
			return "aggregate[" + this.function + "]=" + this.field + " groupBy=" + this.group + "\n" + this.dataset;
		}

	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<String> functions = Arbitraries.of("count", "countDistinct", "countAll", "sum", "sumDistinct", "avg",
				"avgDistinct", "min", "max");
		return Combinators
			.combine(ProbeData.datasets(), functions, Arbitraries.of(MEASURED.keySet()),
					Arbitraries.of(GROUPS.keySet()).injectNull(0.3))
			.as(Scenario::new)
			// sums and averages of dates are refused; the refusals have tests of their
			// own
			.filter((scenario) -> !scenario.field().equals("day_on")
					|| !scenario.function().startsWith("sum") && !scenario.function().startsWith("avg"));
	}

	@AfterContainer
	static void closeDatabases() {
		DATABASES.close();
	}

	private static void check(ProbeDatabase database, Scenario scenario) {
		database.replace(scenario.dataset());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("aggregate",
				Map.of(scenario.function(), scenario.function().equals("countAll") ? "*" : scenario.field()));
		if (scenario.group() != null) {
			json.put("groupBy", List.of(scenario.group()));
		}
		json.put("limit", -1);
		Query query = PARSER.fromJson(json);
		List<Map<String, @Nullable Object>> answered = database.items()
			.read(Accountability.system(), "probe_rows", query)
			.data();
		assertThat(normalised(answered)).as("%s aggregates %s", database.kind(), scenario)
			.isEqualTo(normalised(expected(scenario)));
	}

	/** The plain meaning, in the shape the read path answers. */
	private static List<Map<String, @Nullable Object>> expected(Scenario scenario) {
		Function<Dataset.Row, @Nullable Object> group = (scenario.group() != null) ? GROUPS.get(scenario.group())
				: (row) -> "";
		Map<Object, List<Dataset.Row>> groups = new LinkedHashMap<>();
		for (Dataset.Row row : scenario.dataset().rows()) {
			groups.computeIfAbsent(Objects.requireNonNullElse(group.apply(row), NULL), (key) -> new ArrayList<>())
				.add(row);
		}
		if (groups.isEmpty() && scenario.group() == null) {
			groups.put("", List.of());
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		groups.forEach((key, members) -> {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			if (scenario.group() != null) {
				row.put(GROUP_KEYS.get(scenario.group()), (key == NULL) ? null : FieldCodec.wire(key));
			}
			List<Object> values = members.stream()
				.map(MEASURED.get(scenario.field()))
				.filter(Objects::nonNull)
				.map(AggregateDifferentialTests::stored)
				.toList();
			Object result = measure(scenario.function(), values, members.size());
			if (scenario.function().equals("countAll")) {
				row.put("countAll", result);
			}
			else {
				Map<String, @Nullable Object> byField = new LinkedHashMap<>();
				byField.put(scenario.field(), result);
				row.put(scenario.function(), byField);
			}
			rows.add(row);
		});
		return rows;
	}

	private static @Nullable Object measure(String function, List<Object> values, int rows) {
		List<Object> distinct = values.stream().distinct().toList();
		return switch (function) {
			case "count" -> values.size();
			case "countDistinct" -> distinct.size();
			case "countAll" -> rows;
			case "sum" -> sum(values);
			case "sumDistinct" -> sum(distinct);
			case "avg" -> average(values);
			case "avgDistinct" -> average(distinct);
			case "min" -> extreme(values, -1);
			default -> extreme(values, 1);
		};
	}

	/** A decimal as its column keeps it: 1.50 and 1.5 are one value. */
	private static Object stored(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.stripTrailingZeros() : value;
	}

	private static @Nullable BigDecimal sum(List<Object> values) {
		return values.isEmpty() ? null
				: values.stream().map(AggregateDifferentialTests::decimal).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static @Nullable BigDecimal average(List<Object> values) {
		BigDecimal sum = sum(values);
		return (sum != null) ? sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128) : null;
	}

	/** The least (sign -1) or greatest (1) value, as the read path answers it. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static @Nullable Object extreme(List<Object> values, int sign) {
		Object best = null;
		for (Object value : values) {
			Comparable candidate = (Comparable) ((value instanceof Number number) ? decimal(number) : value);
			if (best == null || Integer.signum(candidate.compareTo(best)) == sign) {
				best = candidate;
			}
		}
		return FieldCodec.wire(best);
	}

	private static BigDecimal decimal(Object number) {
		return new BigDecimal(number.toString());
	}

	/**
	 * Rows as a set, numbers compared by value to nine digits, so that neither the order
	 * of groups nor the Java type of a number decides.
	 */
	private static Set<Object> normalised(List<Map<String, @Nullable Object>> rows) {
		return rows.stream().map(AggregateDifferentialTests::normalise).collect(Collectors.toCollection(HashSet::new));
	}

	private static @Nullable Object normalise(@Nullable Object value) {
		if (value instanceof Number number) {
			BigDecimal decimal = decimal(number).round(PRECISION).stripTrailingZeros();
			return (decimal.signum() == 0) ? BigDecimal.ZERO : decimal;
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, inner) -> copy.put(key, normalise(inner)));
			return copy;
		}
		return value;
	}

	private static final Object NULL = new Object();

}
