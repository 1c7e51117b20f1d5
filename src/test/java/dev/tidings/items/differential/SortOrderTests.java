package dev.tidings.items.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tidings.query.SortField;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sort} has one behaviour on every database (docs/directus-differences.md,
 * "Queries and filters"): text in Unicode code-point order (for BMP characters, Java's
 * {@link String#compareTo}), nulls last ascending and first descending, also through a
 * many-to-one.
 */
class SortOrderTests {

	/**
	 * Case, accents (precomposed and combining), pattern characters, spaces and empty.
	 */
	private static final List<@Nullable String> TEXTS = List.of("B", "a", "É", "é", "b", "A", "Z", "z", "ü", "Ü", "e",
			"e\u0301", "", " ", "%", "_", "\\", "1", "10", "9", "a b", "ab", "aB", "Ab", "ÿ", "ĀB", "ſ", "\uFF21");

	private static final Dataset DATASET = dataset();

	private static final ProbeDatabases DATABASES = new ProbeDatabases(
			(kind) -> ProbeDatabase.startWith(kind, DATASET));

	@Test
	void h2SortsTextByCodePointWithNullsLast() {
		assertSorted(DATABASES.get(ProbeDatabase.Kind.H2));
	}

	@Test
	@Tag("postgres")
	void postgresSortsTextByCodePointWithNullsLast() {
		assertSorted(DATABASES.get(ProbeDatabase.Kind.POSTGRES));
	}

	@AfterAll
	static void closeDatabases() {
		DATABASES.close();
	}

	private static void assertSorted(ProbeDatabase database) {
		Map<Integer, Map<String, @Nullable Object>> rows = DATASET.rowMaps();
		assertOrder(database, rows, List.of("s"), (row) -> row.get("s"));
		assertOrder(database, rows, List.of("t"), (row) -> row.get("t"));
		assertOrder(database, rows, List.of("parent", "name"), SortOrderTests::parentName);
		assertOrder(database, rows, List.of("i"), (row) -> row.get("i"));
	}

	/**
	 * Asserts the values come back in Java's natural order (for BMP text, code-point
	 * order), nulls last ascending and first descending.
	 */
	@SuppressWarnings("unchecked")
	private static void assertOrder(ProbeDatabase database, Map<Integer, Map<String, @Nullable Object>> rows,
			List<String> path, Function<Map<String, @Nullable Object>, @Nullable Object> value) {
		Comparator<@Nullable Object> ascending = Comparator
			.nullsLast((left, right) -> ((Comparable<Object>) left).compareTo(right));
		List<@Nullable Object> all = rows.values().stream().map(value).toList();
		List<@Nullable Object> expectedAscending = new ArrayList<>(all);
		expectedAscending.sort(ascending);
		List<@Nullable Object> expectedDescending = new ArrayList<>(all);
		expectedDescending.sort(ascending.reversed());
		assertThat(values(database, rows, path, false, value)).as("%s ascending on %s", path, database.kind())
			.containsExactlyElementsOf(expectedAscending);
		assertThat(values(database, rows, path, true, value)).as("%s descending on %s", path, database.kind())
			.containsExactlyElementsOf(expectedDescending);
	}

	/** The sorted column's values in the order the database returns the rows. */
	private static List<@Nullable Object> values(ProbeDatabase database,
			Map<Integer, Map<String, @Nullable Object>> rows, List<String> path, boolean descending,
			Function<Map<String, @Nullable Object>, @Nullable Object> value) {
		return database.sortedKeys(List.of(new SortField(path, descending)))
			.stream()
			.map((key) -> value.apply(rows.get(key)))
			.toList();
	}

	private static @Nullable Object parentName(Map<String, @Nullable Object> row) {
		Object parent = row.get("parent");
		return (parent instanceof Map<?, ?> map) ? map.get("name") : null;
	}

	/**
	 * One row per text (twice in reverse in {@code t}), nulls in between; parents named
	 * with the same texts; some rows without a parent.
	 */
	private static Dataset dataset() {
		List<Dataset.Parent> parents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			parents.add(new Dataset.Parent(i + 1, (i == 5) ? null : TEXTS.get(i * 3), i));
		}
		List<Dataset.Row> rows = new ArrayList<>();
		int size = TEXTS.size() + 3;
		for (int i = 0; i < size; i++) {
			String s = (i < TEXTS.size()) ? TEXTS.get(i) : null;
			String t = (i < TEXTS.size()) ? TEXTS.get(TEXTS.size() - 1 - i) : null;
			Integer number = (i % 4 == 0) ? null : (i * 7) % 11 - 5;
			Integer parent = (i % 5 == 0) ? null : i % parents.size() + 1;
			rows.add(new Dataset.Row(i + 1, s, t, number, null, null, null, null, null, null, null, parent));
		}
		return new Dataset(parents, rows, List.of());
	}

}
