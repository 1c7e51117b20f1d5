package dev.tidings.items.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
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
 * Random {@code deep} queries on the one-to-many {@code probe_rows.children}, over random
 * data: the children each row lists through the whole read path equal a plain evaluation
 * of the same meaning, each row's children filtered, ordered (nulls last ascending, first
 * descending) and then sliced by page, offset and limit, 100 by default.
 */
class DeepDifferentialTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private static final ProbeDatabases DATABASES = new ProbeDatabases();

	@Property(tries = 150)
	void h2ListsWhatThePlainEvaluationKeeps(@ForAll("scenarios") Scenario scenario) {
		check(DATABASES.get(ProbeDatabase.Kind.H2), scenario);
	}

	@Property(tries = 100)
	@Tag("postgres")
	void postgresListsWhatThePlainEvaluationKeeps(@ForAll("scenarios") Scenario scenario) {
		check(DATABASES.get(ProbeDatabase.Kind.POSTGRES), scenario);
	}

	/** A deep query of {@code children}: its filter, order and paging. */
	record Deep(ScoreFilter filter, boolean byScore, boolean descending, boolean idDescending, @Nullable Integer limit,
			@Nullable Integer offset, @Nullable Integer page) {

		Map<String, Object> json() {
			Map<String, Object> deep = new LinkedHashMap<>();
			if (this.filter.json() != null) {
				deep.put("_filter", this.filter.json());
			}
			List<String> sort = new ArrayList<>();
			if (this.byScore) {
				sort.add((this.descending ? "-" : "") + "score");
			}
			sort.add((this.idDescending ? "-" : "") + "id");
			deep.put("_sort", sort);
			put(deep, "_limit", this.limit);
			put(deep, "_offset", this.offset);
			put(deep, "_page", this.page);
			return deep;
		}

		/**
		 * The plain meaning: filter, order, then skip the page and the offset, keep the
		 * limit.
		 */
		List<Integer> keep(List<Dataset.Child> children) {
			Comparator<Dataset.Child> byId = Comparator.comparing(Dataset.Child::id);
			Comparator<Dataset.Child> order = this.idDescending ? byId.reversed() : byId;
			if (this.byScore) {
				Comparator<Dataset.Child> scores = Comparator.comparing(Dataset.Child::score,
						Comparator.nullsLast(Comparator.naturalOrder()));
				order = (this.descending ? scores.reversed() : scores).thenComparing(order);
			}
			List<Integer> ordered = children.stream()
				.filter(this.filter.keeps())
				.sorted(order)
				.map(Dataset.Child::id)
				.toList();
			int limit = (this.limit != null) ? this.limit : Query.DEFAULT_LIMIT;
			int skip = (this.offset != null) ? this.offset : 0;
			if (this.page != null && this.page > 1 && limit >= 0) {
				skip += limit * (this.page - 1);
			}
			List<Integer> rest = ordered.subList(Math.min(skip, ordered.size()), ordered.size());
			return (limit < 0) ? rest : rest.subList(0, Math.min(limit, rest.size()));
		}

		private static void put(Map<String, Object> deep, String key, @Nullable Integer value) {
			if (value != null) {
				deep.put(key, value);
			}
		}

	}

	/** A filter on the children's scores, as JSON and as a plain predicate. */
	record ScoreFilter(String operator, int value) {

		@Nullable Map<String, Object> json() {
			return switch (this.operator) {
				case "none" -> null;
				case "_null" -> Map.of("score", Map.of("_null", true));
				default -> Map.of("score", Map.of(this.operator, this.value));
			};
		}

		Predicate<Dataset.Child> keeps() {
			return (child) -> switch (this.operator) {
				case "none" -> true;
				case "_null" -> child.score() == null;
				case "_gt" -> child.score() != null && child.score() > this.value;
				case "_lte" -> child.score() != null && child.score() <= this.value;
				default -> child.score() != null && child.score() == this.value;
			};
		}

	}

	record Scenario(Dataset dataset, Deep deep) {

	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<ScoreFilter> filters = Combinators
			.combine(Arbitraries.of("none", "_null", "_gt", "_lte", "_eq"), Arbitraries.integers().between(-3, 3))
			.as(ScoreFilter::new);
		Arbitrary<@Nullable Integer> limits = Arbitraries.integers().between(-1, 4).injectNull(0.2);
		Arbitrary<@Nullable Integer> offsets = Arbitraries.integers().between(0, 3).injectNull(0.4);
		Arbitrary<@Nullable Integer> pages = Arbitraries.integers().between(0, 3).injectNull(0.5);
		Arbitrary<Deep> deeps = Combinators
			.combine(filters, Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
					limits, offsets, pages)
			.as(Deep::new);
		return Combinators.combine(ProbeData.datasets(), deeps).as(Scenario::new);
	}

	@AfterContainer
	static void closeDatabases() {
		DATABASES.close();
	}

	private static void check(ProbeDatabase database, Scenario scenario) {
		database.replace(scenario.dataset());
		Query query = PARSER.fromJson(Map.of("fields", List.of("id", "children"), "sort", List.of("id"), "limit", -1,
				"deep", Map.of("children", scenario.deep().json())));
		Map<Object, Object> listed = new LinkedHashMap<>();
		database.items()
			.read(Accountability.system(), "probe_rows", query)
			.data()
			.forEach((row) -> listed.put(row.get("id"), row.get("children")));
		Map<Object, Object> expected = new LinkedHashMap<>();
		for (Dataset.Row row : scenario.dataset().rows()) {
			List<Dataset.Child> children = scenario.dataset()
				.children()
				.stream()
				.filter((child) -> child.row() != null && child.row() == row.id())
				.toList();
			expected.put(row.id(), scenario.deep().keep(children));
		}
		assertThat(listed).as("children per row on %s for deep %s", database.kind(), scenario.deep().json())
			.isEqualTo(expected);
	}

}
