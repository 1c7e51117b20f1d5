package dev.tidings.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tidings.query.Filter.Condition;
import dev.tidings.query.Filter.Or;

import static org.assertj.core.api.Assertions.assertThat;

class FilterSearchTests {

	@Test
	void searchWhenWordThenTextFieldsContainItIgnoringCase() {
		assertThat(FilterBinder.search("hello", TestSchema.ARTICLES)).isEqualTo(
				new Or(List.of(contains("title", "hello"), contains("body", "hello"), contains("status", "hello"))));
	}

	@Test
	void searchWhenIntegerThenNumericFieldsAndKeysEqualIt() {
		assertThat(FilterBinder.search("42", TestSchema.ARTICLES))
			.isEqualTo(new Or(List.of(eq("id", 42), contains("title", "42"), contains("body", "42"),
					contains("status", "42"), eq("views", 42), eq("rating", 42.0), eq("price", new BigDecimal("42")))));
		assertThat(FilterBinder.search("7", TestSchema.COMMENTS))
			.isEqualTo(new Or(List.of(eq("id", 7), eq("article", 7), contains("body", "7"))));
	}

	@Test
	void searchWhenDecimalThenOnlyFloatAndDecimalFieldsEqualIt() {
		assertThat(FilterBinder.search("1.5", TestSchema.ARTICLES))
			.isEqualTo(new Or(List.of(contains("title", "1.5"), contains("body", "1.5"), contains("status", "1.5"),
					eq("rating", 1.5), eq("price", new BigDecimal("1.5")))));
	}

	@Test
	void searchWhenIntegerOutOfRangeThenIntegerFieldsSkipped() {
		assertThat(FilterBinder.search("99999999999", TestSchema.COMMENTS))
			.isEqualTo(new Or(List.of(contains("body", "99999999999"))));
	}

	@Test
	void searchWhenUuidThenUuidFieldsAndUuidKeysEqualIt() {
		UUID uuid = UUID.randomUUID();
		assertThat(FilterBinder.search(uuid.toString(), TestSchema.ARTICLES))
			.isEqualTo(new Or(List.of(contains("title", uuid.toString()), contains("body", uuid.toString()),
					contains("status", uuid.toString()), eq("uid", uuid), eq("author", uuid))));
	}

	@Test
	void searchWhenNoCandidateFieldThenMatchesNothing() {
		assertThat(FilterBinder.search("hello", TestSchema.EVENTS)).isEqualTo(new Or(List.of()));
		RowMatcher matcher = new RowMatcher(TestSchema.REGISTRY);
		assertThat(
				matcher.matches(FilterBinder.search("hello", TestSchema.EVENTS), TestSchema.EVENTS, Map.of("id", 1L)))
			.isFalse();
	}

	@Test
	void searchWhenEvaluatedThenUnicodeCaseFoldedAndWildcardsLiteral() {
		RowMatcher matcher = new RowMatcher(TestSchema.REGISTRY);
		Map<String, Object> row = Map.of("id", 1, "title", "CAFÉ 100%", "body", "", "status", "draft");
		assertThat(
				matcher.matches(FilterBinder.search("café", TestSchema.ARTICLES), TestSchema.ARTICLES, withNulls(row)))
			.isTrue();
		assertThat(matcher.matches(FilterBinder.search("0%", TestSchema.ARTICLES), TestSchema.ARTICLES, withNulls(row)))
			.isTrue();
		assertThat(
				matcher.matches(FilterBinder.search("c_fé", TestSchema.ARTICLES), TestSchema.ARTICLES, withNulls(row)))
			.isFalse();
	}

	/** An articles row with every field present, null unless given. */
	static Map<String, Object> withNulls(Map<String, Object> values) {
		Map<String, Object> row = new java.util.HashMap<>();
		TestSchema.ARTICLES.fields().keySet().forEach((name) -> row.put(name, null));
		row.putAll(values);
		return row;
	}

	private static Condition contains(String field, String term) {
		return new Condition(List.of(field), FilterOperator.ICONTAINS, term);
	}

	private static Condition eq(String field, Object value) {
		return new Condition(List.of(field), FilterOperator.EQ, value);
	}

}
