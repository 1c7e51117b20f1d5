package dev.tidings.items.differential;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.differential.KindData.Group;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.QueryParser;
import dev.tidings.query.RowMatcher;
import dev.tidings.query.Variables;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 2 for the field kinds beyond plain columns ({@code probe_kinds}): enums by name and
 * by ordinal, an embedded value's fields, a converted attribute, times, date-times,
 * offset date-times, big integers and chars. Each try stores a dataset, takes the rows
 * the change listener recorded on commit (the snapshots a realtime push evaluates), and
 * for a few generated filters compares the keys the {@link RowMatcher} admits with those
 * the Criteria translation selects. One property per group of kinds and database, so a
 * failure names the kind. Filters on these fields test columns only: snapshots carry no
 * relations.
 */
class FieldKindDifferentialTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private static final int TRIES = 100;

	private static final ProbeDatabases DATABASES = new ProbeDatabases();

	@Property(tries = TRIES)
	void h2AgreesOnEnums(@ForAll("enums") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnEnums(@ForAll("enums") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Property(tries = TRIES)
	void h2AgreesOnEmbeddedFields(@ForAll("embedded") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnEmbeddedFields(@ForAll("embedded") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Property(tries = TRIES)
	void h2AgreesOnConvertedAttributes(@ForAll("converted") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnConvertedAttributes(@ForAll("converted") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Property(tries = TRIES)
	void h2AgreesOnTimesAndDateTimes(@ForAll("localTimes") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnTimesAndDateTimes(@ForAll("localTimes") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Property(tries = TRIES)
	void h2AgreesOnOffsetDateTimes(@ForAll("offsetDateTimes") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnOffsetDateTimes(@ForAll("offsetDateTimes") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Property(tries = TRIES)
	void h2AgreesOnDateParts(@ForAll("dateParts") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnDateParts(@ForAll("dateParts") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Property(tries = TRIES)
	void h2AgreesOnBigIntegersAndChars(@ForAll("numbersAndCharacters") Scenario scenario) {
		check(ProbeDatabase.Kind.H2, scenario);
	}

	@Property(tries = TRIES)
	@Tag("postgres")
	void postgresAgreesOnBigIntegersAndChars(@ForAll("numbersAndCharacters") Scenario scenario) {
		check(ProbeDatabase.Kind.POSTGRES, scenario);
	}

	@Provide
	Arbitrary<Scenario> enums() {
		return scenarios(Group.ENUMS);
	}

	@Provide
	Arbitrary<Scenario> embedded() {
		return scenarios(Group.EMBEDDED);
	}

	@Provide
	Arbitrary<Scenario> converted() {
		return scenarios(Group.CONVERTED);
	}

	@Provide
	Arbitrary<Scenario> localTimes() {
		return scenarios(Group.LOCAL_TIMES);
	}

	@Provide
	Arbitrary<Scenario> offsetDateTimes() {
		return scenarios(Group.OFFSET_DATE_TIMES);
	}

	@Provide
	Arbitrary<Scenario> dateParts() {
		return scenarios(Group.DATE_PARTS);
	}

	@Provide
	Arbitrary<Scenario> numbersAndCharacters() {
		return scenarios(Group.NUMBERS_AND_CHARACTERS);
	}

	/** A dataset and a few filters on it, so that one stored dataset serves several. */
	private static Arbitrary<Scenario> scenarios(Group group) {
		return KindData.rows()
			.flatMap((rows) -> ProbeFilters.filters(KindData.operands(group, rows))
				.list()
				.ofMinSize(1)
				.ofMaxSize(5)
				.map((filters) -> new Scenario(rows, filters)));
	}

	@AfterContainer
	static void closeDatabases() {
		DATABASES.close();
	}

	private static void check(ProbeDatabase.Kind kind, Scenario scenario) {
		ProbeDatabase database = DATABASES.get(kind);
		// jqwik stops waiting for a shrinking that takes too long but leaves it running
		// on a
		// thread of its own: one try at a time per database keeps each try's rows its
		// own.
		synchronized (database) {
			check(database, scenario);
		}
	}

	private static void check(ProbeDatabase database, Scenario scenario) {
		ProbeDatabase.Kind kind = database.kind();
		Map<Integer, Map<String, @Nullable Object>> snapshots = database.replaceKinds(scenario.rows());
		RowMatcher matcher = new RowMatcher();
		for (Map<String, @Nullable Object> filter : scenario.filters()) {
			String json = JSON.writeValueAsString(filter);
			BoundFilter bind = bind(database, json);
			Statistics.label("filter").collect((bind != null) ? "bound" : "refused (400 or 403)");
			if (bind == null) {
				continue;
			}
			Set<Integer> selected = database.selectedKindKeys(bind);
			Set<Integer> admitted = new LinkedHashSet<>();
			snapshots.forEach((key, snapshot) -> {
				if (matcher.matches(bind, database.kinds(), snapshot)) {
					admitted.add(key);
				}
			});
			Statistics.label("rows selected")
				.collect(selected.isEmpty() ? "none" : (selected.size() == snapshots.size()) ? "all" : "some, not all");
			assertThat(admitted)
				.as("keys the RowMatcher admits (left) and %s selects (right) for\nfilter %s\nbound as %s\n"
						+ "snapshots %s\n%s", kind, json, bind, snapshots.values(), scenario)
				.containsExactlyInAnyOrderElementsOf(selected);
		}
		// Most filters must bind: a field whose kind binds no filter is not tested at
		// all.
		Statistics.label("filter").coverage((coverage) -> coverage.check("bound").percentage((p) -> p >= 60.0));
	}

	/** The bound filter, or null when the parser or binder refuses it (a 400 or 403). */
	private static @Nullable BoundFilter bind(ProbeDatabase database, String json) {
		try {
			Filter parsed = PARSER.parseFilter(JSON.readValue(json, Object.class));
			return FilterBinder.bind(parsed, database.kinds(), database.schemas(), Variables.anonymous(ProbeData.NOW));
		}
		catch (TidingsException ex) {
			return null;
		}
	}

	/** Rows and raw filters; the text is what jqwik prints for a failing sample. */
	record Scenario(List<KindRow> rows, List<Map<String, @Nullable Object>> filters) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("probe_kinds:\n");
			this.rows.forEach((row) -> text.append("  ").append(row).append('\n'));
			this.filters
				.forEach((filter) -> text.append("filter ").append(JSON.writeValueAsString(filter)).append('\n'));
			return text.toString();
		}

	}

}
