package dev.tidings.items.differential;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.query.BoundFilter;
import dev.tidings.query.FilterOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every operator of {@link FilterOperator} on a field type that allows it, with a result
 * that is neither empty nor every row: both evaluators must select the same rows, and the
 * rows the probe expects. An operator added to the enum without a probe here, or without
 * a meaning in either evaluator, fails this test.
 */
class OperatorCoverageTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Five rows: text with case, accents and pattern characters, an empty string and
	 * nulls.
	 */
	private static final Dataset DATASET = new Dataset(List.of(), List.of(row(1, "Apple pie", 1), row(2, "apple%", 2),
			row(3, "", 3), row(4, null, null), row(5, "Éclair_", 5)), List.of());

	private static final Map<FilterOperator, Probe> PROBES = probes();

	private static final ProbeDatabases DATABASES = new ProbeDatabases(
			(kind) -> ProbeDatabase.startWith(kind, DATASET));

	@ParameterizedTest
	@EnumSource(FilterOperator.class)
	void h2AndRowMatcherAgreeOn(FilterOperator operator) {
		check(DATABASES.get(ProbeDatabase.Kind.H2), operator);
	}

	@ParameterizedTest
	@EnumSource(FilterOperator.class)
	@Tag("postgres")
	void postgresAndRowMatcherAgreeOn(FilterOperator operator) {
		check(DATABASES.get(ProbeDatabase.Kind.POSTGRES), operator);
	}

	@AfterAll
	static void closeDatabases() {
		DATABASES.close();
	}

	private static void check(ProbeDatabase database, FilterOperator operator) {
		Probe probe = PROBES.get(operator);
		if (probe == null) {
			fail("No probe for " + operator.token() + ": add one to OperatorCoverageTests.probes()");
		}
		assertThat(FilterOperator.allowedFor(database.rows().requireField(probe.field()).type())).contains(operator);
		String json = JSON.writeValueAsString(Map.of(probe.field(), Map.of(operator.token(), probe.value())));
		BoundFilter bound = FilterDifferentialTests.bind(database, json);
		assertThat(bound).as("%s binds", json).isNotNull();
		Set<Integer> selected = database.selectedKeys(bound);
		Set<Integer> admitted = FilterDifferentialTests.admitted(database, bound, DATASET);
		assertThat(admitted).as("RowMatcher for %s", json).containsExactlyInAnyOrderElementsOf(selected);
		assertThat(selected).as("%s on %s", json, database.kind())
			.containsExactlyInAnyOrderElementsOf(probe.expected());
		assertThat(selected).as("a result that tells the rows apart")
			.isNotEmpty()
			.hasSizeLessThan(DATASET.rows().size());
	}

	/** One condition per operator and the keys it selects in {@link #DATASET}. */
	private static Map<FilterOperator, Probe> probes() {
		Map<FilterOperator, Probe> probes = new EnumMap<>(FilterOperator.class);
		probes.put(FilterOperator.EQ, new Probe("s", "Apple pie", 1));
		probes.put(FilterOperator.NEQ, new Probe("s", "Apple pie", 2, 3, 5));
		probes.put(FilterOperator.LT, new Probe("i", 3, 1, 2));
		probes.put(FilterOperator.LTE, new Probe("i", "3", 1, 2, 3));
		probes.put(FilterOperator.GT, new Probe("i", 3, 5));
		probes.put(FilterOperator.GTE, new Probe("i", 3, 3, 5));
		probes.put(FilterOperator.IN, new Probe("i", List.of(1, 5), 1, 5));
		probes.put(FilterOperator.NIN, new Probe("i", "1,5", 2, 3));
		probes.put(FilterOperator.BETWEEN, new Probe("i", List.of(2, 3), 2, 3));
		probes.put(FilterOperator.NBETWEEN, new Probe("i", List.of(2, 3), 1, 5));
		probes.put(FilterOperator.NULL, new Probe("s", true, 4));
		probes.put(FilterOperator.NNULL, new Probe("s", "true", 1, 2, 3, 5));
		probes.put(FilterOperator.EMPTY, new Probe("s", true, 3, 4));
		probes.put(FilterOperator.NEMPTY, new Probe("s", true, 1, 2, 5));
		// % and _ are literal characters; the plain forms are case-sensitive.
		probes.put(FilterOperator.CONTAINS, new Probe("s", "e%", 2));
		probes.put(FilterOperator.NCONTAINS, new Probe("s", "e%", 1, 3, 5));
		probes.put(FilterOperator.STARTS_WITH, new Probe("s", "apple", 2));
		probes.put(FilterOperator.NSTARTS_WITH, new Probe("s", "apple", 1, 3, 5));
		probes.put(FilterOperator.ENDS_WITH, new Probe("s", "_", 5));
		probes.put(FilterOperator.NENDS_WITH, new Probe("s", "_", 1, 2, 3));
		// The i-forms fold Unicode case: É is é.
		probes.put(FilterOperator.ICONTAINS, new Probe("s", "éCLAIR", 5));
		probes.put(FilterOperator.NICONTAINS, new Probe("s", "APPLE", 3, 5));
		probes.put(FilterOperator.ISTARTS_WITH, new Probe("s", "APPLE", 1, 2));
		probes.put(FilterOperator.NISTARTS_WITH, new Probe("s", "éc", 1, 2, 3));
		probes.put(FilterOperator.IENDS_WITH, new Probe("s", "PIE", 1));
		probes.put(FilterOperator.NIENDS_WITH, new Probe("s", "R_", 1, 2, 3));
		return probes;
	}

	private static Dataset.Row row(int id, @Nullable String s, @Nullable Integer i) {
		return new Dataset.Row(id, s, null, i, null, null, null, null, null, null, null, null);
	}

	private record Probe(String field, Object value, List<Integer> expected) {

		Probe(String field, Object value, Integer... expected) {
			this(field, value, List.of(expected));
		}

	}

}
