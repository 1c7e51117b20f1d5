package dev.tidings.items.differential;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.FilterOperator;
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

	/**
	 * One application context per database, started by the first try that needs it and
	 * shared by every try of this container, then closed after it.
	 */
	private static final Map<ProbeDatabase.Kind, ProbeDatabase> DATABASES = new EnumMap<>(ProbeDatabase.Kind.class);

	@Property(tries = 2000)
	void h2SelectsExactlyWhatTheRowMatcherAdmits(@ForAll("scenarios") Scenario scenario) {
		check(database(ProbeDatabase.Kind.H2), scenario);
	}

	@Property(tries = 1500)
	@Tag("postgres")
	void postgresSelectsExactlyWhatTheRowMatcherAdmits(@ForAll("scenarios") Scenario scenario) {
		check(database(ProbeDatabase.Kind.POSTGRES), scenario);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		return ProbeData.datasets()
			.flatMap((dataset) -> ProbeFilters.filters(dataset).map((filter) -> new Scenario(dataset, filter)));
	}

	@AfterContainer
	static void closeDatabases() {
		DATABASES.values().forEach(ProbeDatabase::close);
		DATABASES.clear();
	}

	private static synchronized ProbeDatabase database(ProbeDatabase.Kind kind) {
		return DATABASES.computeIfAbsent(kind, ProbeDatabase::start);
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
