package dev.tidings.query;

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
		assertThat(FilterBinder.search("hello", TestSchema.ARTICLES)).isEqualTo(
				new Or(List.of(contains("title", "hello"), contains("body", "hello"), contains("status", "hello"))));
	}

	@Test
	void searchWhenNumberOrUuidThenStillOnlyTextFieldsAreSearched() {
		assertThat(FilterBinder.search("42", TestSchema.ARTICLES))
			.isEqualTo(new Or(List.of(contains("title", "42"), contains("body", "42"), contains("status", "42"))));
		UUID uuid = UUID.randomUUID();
		assertThat(FilterBinder.search(uuid.toString(), TestSchema.COMMENTS))
			.isEqualTo(new Or(List.of(contains(TestSchema.COMMENTS, "body", uuid.toString()))));
	}

	@Test
	void searchWhenNoCandidateFieldThenMatchesNothing() {
		assertThat(FilterBinder.search("hello", TestSchema.EVENTS)).isEqualTo(new Or(List.of()));
		RowMatcher matcher = new RowMatcher();
		assertThat(
				matcher.matches(FilterBinder.search("hello", TestSchema.EVENTS), TestSchema.EVENTS, Map.of("id", 1L)))
			.isFalse();
	}

	@Test
	void searchWhenEvaluatedThenUnicodeCaseFoldedAndWildcardsLiteral() {
		RowMatcher matcher = new RowMatcher();
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
		return contains(TestSchema.ARTICLES, field, term);
	}

	private static Condition contains(CollectionSchema collection, String field, String term) {
		return new Condition(FieldPath.resolve(collection, List.of(field), TestSchema.REGISTRY),
				FilterOperator.ICONTAINS, term);
	}

}
