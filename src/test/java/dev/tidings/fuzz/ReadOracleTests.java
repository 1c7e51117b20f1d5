package dev.tidings.fuzz;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz suite's read oracle catches each kind of leak it exists for, and passes what a
 * caller may read: a checker that never fails would make the suite vacuous.
 */
class ReadOracleTests {

	private final ReadOracle oracle = new ReadOracle((path) -> switch (path) {
		case "/items/articles?fields=*&limit=-1" ->
			List.of(Map.of("id", 1, "title", "A", "author", 7), Map.of("id", 2, "title", "B", "author", 7));
		default -> null;
	});

	@Test
	void leaksWhenRowsAndFieldsReadableThenNone() {
		assertThat(this.oracle.leaks("articles", List.of(Map.of("id", 1, "title", "A"), Map.of("title", "B")), false))
			.isEmpty();
	}

	@Test
	void leaksWhenRowOrFieldHiddenThenNamed() {
		assertThat(this.oracle.leaks("articles", List.of(Map.of("id", 3, "title", "C"), Map.of("id", 1, "body", "x")),
				false))
			.containsExactlyInAnyOrder("articles row 3 is not readable",
					"articles field body is not readable (readable: [author, id, title])");
	}

	@Test
	void leaksWhenRelatedRowOfUnreadableCollectionNestedThenNamed() {
		assertThat(this.oracle.leaks("articles", Map.of("id", 1, "author", Map.of("id", 7, "email", "e")), false))
			.contains("directus_users row 7 is not readable");
	}

	@Test
	void leaksWhenAggregateGroupsByRowOrCountsHiddenRowsThenNamed() {
		assertThat(this.oracle.leaks("articles",
				List.of(Map.of("author", Map.of("id", 7), "count", 5), Map.of("sum", Map.of("views", 9))), true))
			.contains("articles count = 5 but only 2 rows are readable")
			.anyMatch((leak) -> leak.startsWith("articles groups by the related row author"))
			.contains("articles sum of unreadable field views = 9");
	}

}
