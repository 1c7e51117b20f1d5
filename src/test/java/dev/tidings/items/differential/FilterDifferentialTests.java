package dev.tidings.items.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.FilterOperator;
import dev.tidings.query.QueryParser;
import dev.tidings.query.RowMatcher;
import dev.tidings.query.Variables;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 2: the in-memory {@link RowMatcher} admits exactly the rows the Criteria
 * translation selects, on H2 and on PostgreSQL. Each try generates a dataset and a filter
 * as a client would send it (JSON text, string-encoded values), binds it, stores the
 * dataset and compares the keys both evaluators select. A failure prints the filter, the
 * dataset and the bound filter; the statistics show how many filters were refused, which
 * operators were exercised and how often a filter told rows apart.
 */
class FilterDifferentialTests {

	/** The mapper settings of the REST adapter's {@code JsonCodec}. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private static final ProbeDatabases DATABASES = new ProbeDatabases();

	@Property(tries = 2000)
	void h2SelectsExactlyWhatTheRowMatcherAdmits(@ForAll("scenarios") Scenario scenario) {
		check(DATABASES.get(ProbeDatabase.Kind.H2), scenario);
	}

	@Property(tries = 1500)
	@Tag("postgres")
	void postgresSelectsExactlyWhatTheRowMatcherAdmits(@ForAll("scenarios") Scenario scenario) {
		check(DATABASES.get(ProbeDatabase.Kind.POSTGRES), scenario);
	}

	@Property(tries = 400)
	void h2SearchSelectsExactlyWhatTheRowMatcherAdmits(@ForAll("searches") Search search) {
		checkSearch(DATABASES.get(ProbeDatabase.Kind.H2), search);
	}

	@Property(tries = 300)
	@Tag("postgres")
	void postgresSearchSelectsExactlyWhatTheRowMatcherAdmits(@ForAll("searches") Search search) {
		checkSearch(DATABASES.get(ProbeDatabase.Kind.POSTGRES), search);
	}

	/**
	 * Search terms a client types: values the rows hold as text, numbers written as
	 * JavaScript prints them or not quite, uuids in either case, and text slices.
	 */
	@Provide
	Arbitrary<Search> searches() {
		return ProbeData.datasets().flatMap((dataset) -> {
			List<String> held = new ArrayList<>();
			for (Dataset.Row row : dataset.rows()) {
				held.add(String.valueOf(row.id()));
				Stream.of(row.i(), row.l(), row.parent(), row.s())
					.filter(Objects::nonNull)
					.forEach((value) -> held.add(String.valueOf(value)));
				if (row.n() != null) {
					held.add(row.n().stripTrailingZeros().toPlainString());
					held.add(row.n().toPlainString());
				}
				if (row.u() != null) {
					held.add(row.u().toString());
					held.add(row.u().toString().toUpperCase(Locale.ROOT));
				}
			}
			Arbitrary<String> odd = Arbitraries.of("-0", "042", "1.50", "1e1", "+1", "0.5", "-1", "2147483648",
					"9223372036854775808", "1.5", "a", "%");
			return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(held)), Tuple.of(1, odd))
				.map((term) -> new Search(dataset, term));
		});
	}

	private static void checkSearch(ProbeDatabase database, Search search) {
		BoundFilter bound = FilterBinder.search(search.term(), database.rows(), database.schemas());
		database.replace(search.dataset());
		Set<Integer> selected = database.selectedKeys(bound);
		Statistics.label("rows selected").collect(selected.isEmpty() ? "none" : "some");
		assertThat(admitted(database, bound, search.dataset()))
			.as("keys the RowMatcher admits (left) and %s selects (right) for search %s bound as %s\n%s",
					database.kind(), search.term(), bound, search.dataset())
			.containsExactlyInAnyOrderElementsOf(selected);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		return ProbeData.datasets()
			.flatMap((dataset) -> ProbeFilters.filters(dataset).map((filter) -> new Scenario(dataset, filter)));
	}

	@AfterContainer
	static void closeDatabases() {
		DATABASES.close();
	}

	private static void check(ProbeDatabase database, Scenario scenario) {
		BoundFilter bound = bind(database, scenario.json());
		Statistics.label("filter").collect((bound != null) ? "bound" : "refused (400 or 403)");
		Statistics.label("filter").coverage((coverage) -> coverage.check("bound").percentage((p) -> p >= 80.0));
		if (bound == null) {
			return;
		}
		countOperators(bound);
		database.replace(scenario.dataset());
		Set<Integer> selected = database.selectedKeys(bound);
		Set<Integer> admitted = admitted(database, bound, scenario.dataset());
		Statistics.label("rows selected")
			.collect(selected.isEmpty() ? "none"
					: (selected.size() == scenario.dataset().rows().size()) ? "all" : "some, not all");
		assertThat(admitted)
			.as("keys the RowMatcher admits (left) and %s selects (right) for\n%s\nbound as %s", database.kind(),
					scenario, bound)
			.containsExactlyInAnyOrderElementsOf(selected);
	}

	/** The bound filter, or null when the parser or binder refuses it (a 400 or 403). */
	static @Nullable BoundFilter bind(ProbeDatabase database, String json) {
		try {
			Filter parsed = PARSER.parseFilter(JSON.readValue(json, Object.class));
			return FilterBinder.bind(parsed, database.rows(), database.schemas(), Variables.anonymous(ProbeData.NOW));
		}
		catch (TidingsException ex) {
			return null;
		}
	}

	static Set<Integer> admitted(ProbeDatabase database, BoundFilter bound, Dataset dataset) {
		RowMatcher matcher = new RowMatcher();
		Set<Integer> admitted = new LinkedHashSet<>();
		dataset.rowMaps().forEach((key, row) -> {
			if (matcher.matches(bound, database.rows(), row)) {
				admitted.add(key);
			}
		});
		return admitted;
	}

	/** Which operators the bound filters exercise, so a gap in generation shows. */
	private static void countOperators(BoundFilter bound) {
		bound.accept(new BoundFilter.Visitor<Void>() {

			@Override
			public Void and(BoundFilter.And and) {
				and.filters().forEach((filter) -> filter.accept(this));
				return null;
			}

			@Override
			public Void or(BoundFilter.Or or) {
				or.filters().forEach((filter) -> filter.accept(this));
				return null;
			}

			@Override
			public Void condition(BoundFilter.Condition condition) {
				FilterOperator operator = condition.operator();
				Statistics.label("operators").collect(operator.token());
				if (condition.function() != null) {
					Statistics.label("functions").collect(condition.function().token());
				}
				return null;
			}

			@Override
			public Void count(BoundFilter.Count count) {
				Statistics.label("functions").collect("count");
				return count.items().accept(this);
			}

			@Override
			public Void some(BoundFilter.Some some) {
				Statistics.label("operators").collect("_some");
				return some.filter().accept(this);
			}

			@Override
			public Void none(BoundFilter.None none) {
				Statistics.label("operators").collect("_none");
				return none.filter().accept(this);
			}

		});
	}

	/** A dataset and a search term. */
	record Search(Dataset dataset, String term) {

		@Override
		public String toString() {
			return "search " + this.term + "\n" + this.dataset;
		}

	}

	/** A dataset and a raw filter; its text is what jqwik prints for a failing sample. */
	record Scenario(Dataset dataset, Map<String, @Nullable Object> filter) {

		String json() {
			return JSON.writeValueAsString(this.filter);
		}

		@Override
		public String toString() {
			return "filter " + json() + "\n" + this.dataset;
		}

	}

}
