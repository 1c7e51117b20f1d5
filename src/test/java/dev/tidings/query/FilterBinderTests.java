package dev.tidings.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.tidings.query.BoundFilter.And;
import dev.tidings.query.BoundFilter.Condition;
import dev.tidings.query.BoundFilter.None;
import dev.tidings.query.BoundFilter.Or;
import dev.tidings.query.BoundFilter.Some;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;

import static dev.tidings.query.Failures.assertForbiddenField;
import static dev.tidings.query.Failures.assertInvalidQuery;
import static dev.tidings.query.Failures.assertInvalidQueryMentioning;
import static org.assertj.core.api.Assertions.assertThat;

class FilterBinderTests {

	static final Instant NOW = Instant.parse("2024-01-31T10:00:00Z");

	private final QueryParser parser = new QueryParser(new MiniJson());

	@Test
	void bindWhenUnknownFieldThenForbiddenLikeDirectus() {
		assertForbiddenField(() -> bind("{\"secret\": {\"_eq\": 1}}"), "secret", "articles");
		assertForbiddenField(() -> bind("{\"author\": {\"password\": {\"_eq\": 1}}}"), "password", "users");
		assertForbiddenField(() -> bind("{\"comments\": {\"_some\": {\"spam\": true}}}"), "spam", "comments");
		assertForbiddenField(() -> bind("{\"nope\": {\"_some\": {\"id\": 1}}}"), "nope", "articles");
	}

	@Test
	void bindWhenManyToOnePathThenConditionOnRelatedField() {
		assertThat(bind("{\"author\": {\"email\": {\"_eq\": \"a@b.c\"}}}"))
			.isEqualTo(new Condition(path("author", "email"), FilterOperator.EQ, "a@b.c"));
	}

	@Test
	void bindWhenPathThroughOneToManyThenImplicitSome() {
		assertThat(bind("{\"comments\": {\"body\": {\"_contains\": \"great\"}}}"))
			.isEqualTo(new Some(path("comments"), new Condition(comments("body"), FilterOperator.CONTAINS, "great")));
		assertThat(bind("{\"comments\": {\"article\": {\"author\": {\"email\": {\"_eq\": \"x\"}}}}}"))
			.isEqualTo(new Some(path("comments"),
					new Condition(comments("article", "author", "email"), FilterOperator.EQ, "x")));
	}

	@Test
	void bindWhenSomeOrNoneThenInnerBoundAgainstRelatedCollection() {
		assertThat(bind("{\"comments\": {\"_some\": {\"id\": {\"_gt\": \"5\"}}}}"))
			.isEqualTo(new Some(path("comments"), new Condition(comments("id"), FilterOperator.GT, 5)));
		assertThat(bind("{\"comments\": {\"_none\": {\"article\": {\"views\": {\"_lt\": \"3\"}}}}}"))
			.isEqualTo(new None(path("comments"), new Condition(comments("article", "views"), FilterOperator.LT, 3)));
	}

	@Test
	void bindWhenSomeThroughManyToOneThenRelationPathKept() {
		assertThat(bind("{\"comments\": {\"_some\": {\"article\": {\"comments\": {\"_none\": {\"id\": 1}}}}}}"))
			.isEqualTo(new Some(path("comments"),
					new None(comments("article", "comments"), new Condition(comments("id"), FilterOperator.EQ, 1))));
	}

	@Test
	void bindWhenSomeOnNonAliasThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"author\": {\"_some\": {\"email\": \"x\"}}}"),
				"\"_some\" can only be used on a to-many relation, and \"author\" is not one");
		assertInvalidQuery(() -> bind("{\"title\": {\"_none\": {\"x\": 1}}}"),
				"\"_none\" can only be used on a to-many relation, and \"title\" is not one");
	}

	@Test
	void bindWhenHandBuiltSomeHasNoRelationThenInvalidQuery() {
		Filter raw = new Filter.None(List.of(), new Filter.And(List.of()));
		assertInvalidQuery(
				() -> FilterBinder.bind(raw, TestSchema.ARTICLES, TestSchema.REGISTRY, Variables.anonymous(NOW)),
				"\"_none\" needs a relational field");
	}

	@Test
	void bindWhenConditionOnOneToManyAliasThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"comments\": {\"_null\": true}}"),
				"\"comments\" is a to-many relation: filter its items with \"_some\" or \"_none\"");
	}

	@Test
	void bindWhenPathContinuesAfterPlainFieldThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"title\": {\"x\": {\"_eq\": 1}}}"),
				"\"title\" in \"articles\" is not a relational field");
	}

	@Test
	void bindWhenOperatorNotAllowedForTypeThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"title\": {\"_gt\": \"a\"}}"),
				"\"string\" field type does not contain the \"_gt\" filter operator");
		assertInvalidQuery(() -> bind("{\"body\": {\"_between\": [\"a\", \"b\"]}}"),
				"\"text\" field type does not contain the \"_between\" filter operator");
		assertInvalidQuery(() -> bind("{\"published_at\": {\"_contains\": \"2024\"}}"),
				"\"timestamp\" field type does not contain the \"_contains\" filter operator");
		assertInvalidQuery(() -> bind("{\"published_at\": {\"_empty\": true}}"),
				"\"timestamp\" field type does not contain the \"_empty\" filter operator");
		assertInvalidQuery(() -> bind("{\"uid\": {\"_gt\": \"x\"}}"),
				"\"uuid\" field type does not contain the \"_gt\" filter operator");
		assertInvalidQuery(() -> bind("{\"featured\": {\"_in\": [true]}}"),
				"\"boolean\" field type does not contain the \"_in\" filter operator");
		assertInvalidQuery(() -> bind("{\"author\": {\"_starts_with\": \"a\"}}"),
				"\"uuid\" field type does not contain the \"_starts_with\" filter operator");
		assertInvalidQuery(() -> bind(TestSchema.EVENTS, "{\"meta\": {\"_eq\": 1}}"),
				"\"json\" field type does not contain the \"_eq\" filter operator");
		assertInvalidQuery(() -> bind(TestSchema.EVENTS, "{\"starts\": {\"_contains\": \"1\"}}"),
				"\"dateTime\" field type does not contain the \"_contains\" filter operator");
	}

	@Test
	void bindWhenManyToOneComparedDirectlyThenKeyType() {
		UUID author = UUID.randomUUID();
		assertThat(bind("{\"author\": {\"_eq\": \"" + author + "\"}}"))
			.isEqualTo(new Condition(path("author"), FilterOperator.EQ, author));
		assertThat(bind(TestSchema.COMMENTS, "{\"article\": {\"_in\": \"1,2\"}}"))
			.isEqualTo(new Condition(comments("article"), FilterOperator.IN, List.of(1, 2)));
	}

	@Test
	void bindWhenNumericFieldThenValuesConverted() {
		assertThat(value("{\"views\": \"10\"}")).isEqualTo(10);
		assertThat(value("{\"views\": 10.0}")).isEqualTo(10);
		assertThat(value("{\"views\": \"1e2\"}")).isEqualTo(100);
		assertThat(value("{\"rating\": \"1.5\"}")).isEqualTo(1.5);
		assertThat(value("{\"rating\": 2}")).isEqualTo(2.0);
		assertThat(value("{\"price\": \"19.90\"}")).isEqualTo(new BigDecimal("19.90"));
		assertThat(value("{\"price\": 0.1}")).isEqualTo(new BigDecimal("0.1"));
		assertThat(value(TestSchema.EVENTS, "{\"id\": \"9007199254740993\"}")).isEqualTo(9007199254740993L);
		assertThat(value(TestSchema.EVENTS, "{\"weight\": \"0.25\"}")).isEqualTo(0.25f);
	}

	@Test
	void bindWhenNumberInvalidForFieldThenInvalidNumericValue() {
		for (String filter : List.of("{\"views\": 1.5}", "{\"views\": \"abc\"}", "{\"views\": \"3000000000\"}",
				"{\"views\": true}", "{\"views\": \"NaN\"}", "{\"rating\": \"Infinity\"}", "{\"rating\": \"1e999\"}",
				"{\"price\": false}", "{\"views\": {\"_in\": [1, \"x\"]}}", "{\"views\": \"1e999999999\"}")) {
			assertInvalidQueryMentioning(() -> bind(filter), "Invalid value for \"");
		}
	}

	@Test
	void bindWhenTextFieldThenBooleansAndNumbersBecomeTheirText() {
		assertThat(value("{\"title\": \"true\"}")).isEqualTo("true");
		assertThat(value("{\"title\": false}")).isEqualTo("false");
		assertThat(value("{\"title\": 5}")).isEqualTo("5");
		assertThat(value("{\"title\": 1.50}")).isEqualTo("1.5");
		assertThat(value("{\"status\": {\"_in\": [1, true, \"x\"]}}")).isEqualTo(List.of("1", "true", "x"));
	}

	@Test
	void bindWhenBooleanOrUuidFieldThenStrict() {
		assertThat(value("{\"featured\": \"true\"}")).isEqualTo(true);
		assertInvalidQuery(() -> bind("{\"featured\": \"yes\"}"), "Invalid value for \"featured\": is not a boolean");
		// 1 and 0 are booleans, as on writes
		assertThat(value("{\"featured\": 1}")).isEqualTo(true);
		assertThat(value("{\"featured\": \"0\"}")).isEqualTo(false);
		UUID uid = UUID.fromString("0b7d2a44-6b6e-4c1d-9f3a-2f6f6c1a5e11");
		assertThat(value("{\"uid\": \"0B7D2A44-6B6E-4C1D-9F3A-2F6F6C1A5E11\"}")).isEqualTo(uid);
		assertInvalidQueryMentioning(() -> bind("{\"uid\": \"nope\"}"), "is not a valid UUID");
		assertInvalidQueryMentioning(() -> bind("{\"uid\": \"1-1-1-1-1\"}"), "is not a valid UUID");
	}

	@Test
	void bindWhenTimestampTextThenInstantWithZoneLessMeaningUtc() {
		assertThat(value("{\"published_at\": \"2024-05-01T10:20:30Z\"}"))
			.isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
		assertThat(value("{\"published_at\": \"2024-05-01T12:20:30.5+02:00\"}"))
			.isEqualTo(Instant.parse("2024-05-01T10:20:30.500Z"));
		assertThat(value("{\"published_at\": \"2024-05-01T10:20:30\"}"))
			.isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
		assertThat(value("{\"published_at\": \"2024-05-01 10:20\"}")).isEqualTo(Instant.parse("2024-05-01T10:20:00Z"));
		assertThat(value("{\"published_at\": \"2024-05-01\"}")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
		assertThat(value("{\"published_at\": \"2024-05-01t12:00:00+02:00\"}"))
			.isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		assertThat(value("{\"published_at\": \"2024-05-01T08:00:00-02:00\"}"))
			.isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
	}

	@Test
	void bindWhenDateNotIsoThenInvalidQueryInsteadOfGuessing() {
		for (String text : List.of("not a date", "yesterday", "2024-13-01", "01/05/2024", "1714557630000")) {
			assertInvalidQuery(() -> bind("{\"published_at\": {\"_gt\": \"" + text + "\"}}"),
					"Invalid value for \"published_at\": is not a valid date");
		}
		assertInvalidQuery(() -> bind("{\"published_at\": {\"_gt\": 1714557630000}}"),
				"Invalid value for \"published_at\": is not a valid date");
	}

	@Test
	void bindWhenLocalTemporalFieldsThenLocalValues() {
		assertThat(value(TestSchema.EVENTS, "{\"day\": \"2024-05-01\"}")).isEqualTo(LocalDate.of(2024, 5, 1));
		assertThat(value(TestSchema.EVENTS, "{\"day\": \"2024-05-01T23:00:00\"}")).isEqualTo(LocalDate.of(2024, 5, 1));
		assertThat(value(TestSchema.EVENTS, "{\"starts\": \"2024-05-01T10:20\"}"))
			.isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 20));
		assertThat(value(TestSchema.EVENTS, "{\"starts\": \"2024-05-01\"}"))
			.isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0));
		assertThat(value(TestSchema.EVENTS, "{\"opens\": \"09:30\"}")).isEqualTo(LocalTime.of(9, 30));
		assertInvalidQuery(() -> bind(TestSchema.EVENTS, "{\"opens\": \"9.30\"}"),
				"Invalid value for \"opens\": is not a valid date");
	}

	@Test
	void bindWhenListOperatorsThenConvertedElementWise() {
		assertThat(value("{\"views\": {\"_in\": [\"1\", 2]}}")).isEqualTo(List.of(1, 2));
		assertThat(value("{\"views\": {\"_nbetween\": \"1,5\"}}")).isEqualTo(List.of(1, 5));
		assertThat(value("{\"published_at\": {\"_between\": [\"2024-01-01\", \"2024-12-31T23:59:59Z\"]}}"))
			.isEqualTo(List.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T23:59:59Z")));
	}

	@Test
	void bindWhenListContainsNullThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"status\": {\"_nin\": \"a,null\"}}"), "\"_nin\" can't contain null");
		assertInvalidQuery(() -> bind("{\"views\": {\"_between\": [1, null]}}"), "\"_between\" can't contain null");
	}

	@Test
	void bindWhenFlagFalseThenOppositeFlagTrue() {
		assertThat(bind("{\"title\": {\"_null\": false}}")).isEqualTo(condition("title", FilterOperator.NNULL, true));
		assertThat(bind("{\"title\": {\"_nnull\": false}}")).isEqualTo(condition("title", FilterOperator.NULL, true));
		assertThat(bind("{\"title\": {\"_empty\": false}}")).isEqualTo(condition("title", FilterOperator.NEMPTY, true));
		assertThat(bind("{\"title\": {\"_nempty\": \"false\"}}"))
			.isEqualTo(condition("title", FilterOperator.EMPTY, true));
		assertThat(bind("{\"title\": {\"_empty\": true}}")).isEqualTo(condition("title", FilterOperator.EMPTY, true));
	}

	@Test
	void bindWhenEqOrNeqNullThenNullFlags() {
		assertThat(bind("{\"views\": {\"_eq\": null}}")).isEqualTo(condition("views", FilterOperator.NULL, true));
		assertThat(bind("{\"views\": {\"_neq\": \"null\"}}")).isEqualTo(condition("views", FilterOperator.NNULL, true));
		assertThat(bind("{\"author\": null}")).isEqualTo(condition("author", FilterOperator.NULL, true));
		assertThat(bind(TestSchema.EVENTS, "{\"meta\": {\"_eq\": null}}")).isEqualTo(new Condition(
				FieldPath.resolve(TestSchema.EVENTS, List.of("meta"), TestSchema.REGISTRY), FilterOperator.NULL, true));
	}

	@Test
	void bindWhenOtherOperatorGetsNullThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"views\": {\"_gt\": null}}"), "The filter value for \"_gt\" can't be null");
		assertInvalidQuery(() -> bind("{\"title\": {\"_contains\": \"NULL\"}}"),
				"The filter value for \"_contains\" can't be null");
	}

	@Test
	void bindWhenPatternOperatorThenRawTextWithLiteralWildcards() {
		assertThat(bind("{\"title\": {\"_contains\": \"50%_off\"}}"))
			.isEqualTo(condition("title", FilterOperator.CONTAINS, "50%_off"));
		assertThat(bind("{\"title\": {\"_nistarts_with\": 42}}"))
			.isEqualTo(condition("title", FilterOperator.NISTARTS_WITH, "42"));
	}

	@Test
	void bindWhenLogicalNodesThenChildrenBound() {
		assertThat(bind("{\"_or\": [{\"views\": \"1\"}, {\"_and\": [{\"featured\": \"true\"}, {\"id\": \"2\"}]}]}"))
			.isEqualTo(new Or(List.of(condition("views", FilterOperator.EQ, 1), new And(
					List.of(condition("featured", FilterOperator.EQ, true), condition("id", FilterOperator.EQ, 2))))));
	}

	@Test
	void bindWhenHandBuiltFilterHasScalarForListOperatorThenInvalidQuery() {
		Filter raw = new Filter.Condition(List.of("views"), FilterOperator.IN, 5);
		assertInvalidQuery(
				() -> FilterBinder.bind(raw, TestSchema.ARTICLES, TestSchema.REGISTRY, Variables.anonymous(NOW)),
				"\"_in\" has to be an array of values");
		Filter flag = new Filter.Condition(List.of("views"), FilterOperator.NULL, "yes");
		assertInvalidQuery(
				() -> FilterBinder.bind(flag, TestSchema.ARTICLES, TestSchema.REGISTRY, Variables.anonymous(NOW)),
				"\"_null\" has to be a boolean");
	}

	private BoundFilter bind(String json) {
		return bind(TestSchema.ARTICLES, json);
	}

	private BoundFilter bind(CollectionSchema collection, String json) {
		Filter raw = this.parser.parseFilter(MiniJson.parse(json));
		return FilterBinder.bind(raw, collection, TestSchema.REGISTRY, Variables.anonymous(NOW));
	}

	private @Nullable Object value(String json) {
		return value(TestSchema.ARTICLES, json);
	}

	private @Nullable Object value(CollectionSchema collection, String json) {
		return ((Condition) bind(collection, json)).value();
	}

	private static Condition condition(String field, FilterOperator operator, Object value) {
		return new Condition(path(field), operator, value);
	}

	private static FieldPath path(String... names) {
		return FieldPath.resolve(TestSchema.ARTICLES, List.of(names), TestSchema.REGISTRY);
	}

	private static FieldPath comments(String... names) {
		return FieldPath.resolve(TestSchema.COMMENTS, List.of(names), TestSchema.REGISTRY);
	}

}
