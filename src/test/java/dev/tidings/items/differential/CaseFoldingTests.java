package dev.tidings.items.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.query.BoundFilter;
import dev.tidings.query.FilterOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-insensitive operators fold as PostgreSQL's {@code lower(…)} does, one code
 * point at a time, also where Java's {@link String#toLowerCase} looks at the context (a
 * final {@code Σ}) or maps one character to two ({@code İ}). Only PostgreSQL is checked:
 * H2's {@code LOWER} is {@code String.toLowerCase} in the JVM's default locale, so for
 * these characters (and for {@code I} in a Turkish locale) H2 answers differently. The
 * differential properties keep to characters on which all three agree.
 */
@Tag("postgres")
class CaseFoldingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> TEXTS = List.of("ΟΔΟΣ", "οδος", "οδοσ", "ΟΔΟΣ ΟΔΟΣ", "Σ", "ς", "İx", "xİ", "İ",
			"I", "ı", "i", "ẞ", "ß", "É", "é", "ǅ", "Ω", "K");

	private static final List<String> PATTERNS = List.of("οδος", "οδοσ", "ΟΔΟΣ", "ς ", "σ", "ς", "Σ", "i", "İ", "I",
			"ı", "x", "ß", "ẞ", "é", "ǆ", "ω", "k");

	private static final Dataset DATASET = dataset();

	private static ProbeDatabase database;

	@BeforeAll
	static void startDatabase() {
		database = ProbeDatabase.start(ProbeDatabase.Kind.POSTGRES);
		database.replace(DATASET);
	}

	@AfterAll
	static void closeDatabase() {
		database.close();
	}

	@ParameterizedTest
	@EnumSource(value = FilterOperator.class,
			names = { "ICONTAINS", "NICONTAINS", "ISTARTS_WITH", "NISTARTS_WITH", "IENDS_WITH", "NIENDS_WITH" })
	void postgresAndRowMatcherFoldCaseAlike(FilterOperator operator) {
		for (String pattern : PATTERNS) {
			String json = JSON.writeValueAsString(Map.of("s", Map.of(operator.token(), pattern)));
			BoundFilter bound = FilterDifferentialTests.bind(database, json);
			Set<Integer> selected = database.selectedKeys(bound);
			assertThat(FilterDifferentialTests.admitted(database, bound, DATASET))
				.as("RowMatcher (left) and PostgreSQL (right) for %s on %s", json, TEXTS)
				.containsExactlyInAnyOrderElementsOf(selected);
		}
	}

	private static Dataset dataset() {
		List<Dataset.Row> rows = new ArrayList<>();
		for (int i = 0; i < TEXTS.size(); i++) {
			rows.add(new Dataset.Row(i + 1, TEXTS.get(i), null, null, null, null, null, null, null, null, null, null));
		}
		return new Dataset(List.of(), rows, List.of());
	}

}
