package dev.tidings.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tidings.query.BoundFilter.Condition;
import dev.tidings.query.BoundFilter.Or;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;

import static org.assertj.core.api.Assertions.assertThat;

class FilterSearchTests {

	@Test
	void searchWhenWordThenTextFieldsContainItIgnoringCase() {
		assertThat(FilterBinder.search("hello", TestSchema.ARTICLES, TestSchema.REGISTRY)).isEqualTo(
				new Or(List.of(contains("title", "hello"), contains("body", "hello"), contains("status", "hello"))));
	}

	@Test
	void searchWhenNumberThenNumberFieldsThatHoldItEqualIt() {
		assertThat(search("42", TestSchema.ARTICLES)).isEqualTo(new Or(
				List.of(equal("id", 42), contains("title", "42"), contains("body", "42"), contains("status", "42"),
						equal("views", 42), equal("rating", 42.0), equal("price", new BigDecimal("42")))));
		// no integer holds a fraction, and no int the number past its range
		assertThat(search("-1.5", TestSchema.ARTICLES))
			.isEqualTo(new Or(List.of(contains("title", "-1.5"), contains("body", "-1.5"), contains("status", "-1.5"),
					equal("rating", -1.5), equal("price", new BigDecimal("-1.5")))));
		assertThat(search("3000000000", TestSchema.ARTICLES).filters()).doesNotContain(equal("id", 3000000000L))
			.contains(equal("rating", 3.0e9));
		// a many-to-one searches its key
		assertThat(search("7", TestSchema.COMMENTS)).isEqualTo(new Or(List.of(equal(TestSchema.COMMENTS, "id", 7),
				equal(TestSchema.COMMENTS, "article", 7), contains(TestSchema.COMMENTS, "body", "7"))));
	}

	@Test
	void searchWhenUuidThenUuidFieldsEqualIt() {
		UUID uuid = UUID.randomUUID();
		String term = uuid.toString().toUpperCase(java.util.Locale.ROOT);
		assertThat(search(term, TestSchema.ARTICLES)).isEqualTo(new Or(List.of(contains("title", term),
				contains("body", term), contains("status", term), equal("uid", uuid), equal("author", uuid))));
	}

	@Test
	void searchWhenRowsEvaluatedThenNumbersAndUuidsMatchInMemory() {
		RowMatcher matcher = new RowMatcher();
		UUID uuid = UUID.randomUUID();
		Map<String, Object> row = withNulls(Map.of("id", 5, "title", "x", "views", 42, "uid", uuid));
		assertThat(matcher.matches(search("42", TestSchema.ARTICLES), TestSchema.ARTICLES, row)).isTrue();
		assertThat(matcher.matches(search("5", TestSchema.ARTICLES), TestSchema.ARTICLES, row)).isTrue();
		assertThat(matcher.matches(search("042", TestSchema.ARTICLES), TestSchema.ARTICLES, row)).isFalse();
		assertThat(matcher.matches(search(uuid.toString(), TestSchema.ARTICLES), TestSchema.ARTICLES, row)).isTrue();
	}

	@Test
	void searchWhenNoCandidateFieldThenMatchesNothing() {
		assertThat(FilterBinder.search("hello", TestSchema.EVENTS, TestSchema.REGISTRY)).isEqualTo(new Or(List.of()));
		RowMatcher matcher = new RowMatcher();
		assertThat(matcher.matches(FilterBinder.search("hello", TestSchema.EVENTS, TestSchema.REGISTRY),
				TestSchema.EVENTS, Map.of("id", 1L)))
			.isFalse();
	}

	@Test
	void searchWhenEvaluatedThenUnicodeCaseFoldedAndWildcardsLiteral() {
		RowMatcher matcher = new RowMatcher();
		Map<String, Object> row = Map.of("id", 1, "title", "CAFÉ 100%", "body", "", "status", "draft");
		assertThat(matcher.matches(FilterBinder.search("café", TestSchema.ARTICLES, TestSchema.REGISTRY),
				TestSchema.ARTICLES, withNulls(row)))
			.isTrue();
		assertThat(matcher.matches(FilterBinder.search("0%", TestSchema.ARTICLES, TestSchema.REGISTRY),
				TestSchema.ARTICLES, withNulls(row)))
			.isTrue();
		assertThat(matcher.matches(FilterBinder.search("c_fé", TestSchema.ARTICLES, TestSchema.REGISTRY),
				TestSchema.ARTICLES, withNulls(row)))
			.isFalse();
	}

	/** An articles row with every field present, null unless given. */
	static Map<String, Object> withNulls(Map<String, Object> values) {
		Map<String, Object> row = new java.util.HashMap<>();
		TestSchema.ARTICLES.fields().keySet().forEach((name) -> row.put(name, null));
		row.putAll(values);
		return row;
	}

	private static Or search(String term, CollectionSchema collection) {
		return FilterBinder.search(term, collection, TestSchema.REGISTRY);
	}

	private static Condition equal(String field, Object value) {
		return equal(TestSchema.ARTICLES, field, value);
	}

	private static Condition equal(CollectionSchema collection, String field, Object value) {
		return new Condition(FieldPath.resolve(collection, List.of(field), TestSchema.REGISTRY), FilterOperator.EQ,
				value);
	}

	private static Condition contains(String field, String term) {
		return contains(TestSchema.ARTICLES, field, term);
	}

	private static Condition contains(CollectionSchema collection, String field, String term) {
		return new Condition(FieldPath.resolve(collection, List.of(field), TestSchema.REGISTRY),
				FilterOperator.ICONTAINS, term);
	}

}
