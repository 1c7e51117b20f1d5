package dev.tidings.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.tidings.query.Filter.And;
import dev.tidings.query.Filter.Condition;
import dev.tidings.query.Filter.None;
import dev.tidings.query.Filter.Or;
import dev.tidings.query.Filter.Some;

import static dev.tidings.query.Failures.assertInvalidQuery;
import static org.assertj.core.api.Assertions.assertThat;

class FilterParserTests {

	private final QueryParser parser = new QueryParser(new MiniJson());

	@Test
	void parseWhenNullOrEmptyObjectThenNoFilter() {
		assertThat(this.parser.parseFilter(null)).isNull();
		assertThat(parse("{}")).isNull();
	}

	@Test
	void parseWhenBareValueThenEq() {
		assertThat(parse("{\"status\": \"published\"}")).isEqualTo(condition("status", FilterOperator.EQ, "published"));
		assertThat(parse("{\"views\": 3}")).isEqualTo(condition("views", FilterOperator.EQ, 3));
		assertThat(parse("{\"author\": null}")).isEqualTo(condition("author", FilterOperator.EQ, null));
	}

	@Test
	void parseWhenSeveralKeysThenAndOfSingleKeyParts() {
		assertThat(parse("{\"status\": {\"_eq\": \"a\"}, \"views\": {\"_gt\": 1}}")).isEqualTo(new And(
				List.of(condition("status", FilterOperator.EQ, "a"), condition("views", FilterOperator.GT, 1))));
	}

	@Test
	void parseWhenFieldHasSeveralOperatorsThenAnd() {
		assertThat(parse("{\"views\": {\"_gt\": 1, \"_lt\": 5}}")).isEqualTo(
				new And(List.of(condition("views", FilterOperator.GT, 1), condition("views", FilterOperator.LT, 5))));
	}

	@Test
	void parseWhenLogicalOperatorsThenAndOr() {
		assertThat(parse("{\"_or\": [{\"views\": {\"_gt\": 100}}, {\"_and\": [{\"featured\": true}, {\"id\": 1}]}]}"))
			.isEqualTo(new Or(List.of(condition("views", FilterOperator.GT, 100), new And(
					List.of(condition("featured", FilterOperator.EQ, true), condition("id", FilterOperator.EQ, 1))))));
	}

	@Test
	void parseWhenLogicalOperatorUnderFieldThenHoisted() {
		assertThat(parse("{\"views\": {\"_or\": [{\"_lt\": 1}, {\"_gt\": 9}]}}")).isEqualTo(
				new Or(List.of(condition("views", FilterOperator.LT, 1), condition("views", FilterOperator.GT, 9))));
		assertThat(parse("{\"author\": {\"_and\": [{\"email\": {\"_nnull\": true}}, {\"id\": {\"_null\": false}}]}}"))
			.isEqualTo(new And(List.of(new Condition(List.of("author", "email"), FilterOperator.NNULL, true),
					new Condition(List.of("author", "id"), FilterOperator.NULL, false))));
	}

	@Test
	void parseWhenNestedObjectThenRelationalPath() {
		assertThat(parse("{\"author\": {\"email\": {\"_eq\": \"a@b.c\"}}}"))
			.isEqualTo(new Condition(List.of("author", "email"), FilterOperator.EQ, "a@b.c"));
		assertThat(parse("{\"author\": {\"email\": \"a@b.c\"}}"))
			.isEqualTo(new Condition(List.of("author", "email"), FilterOperator.EQ, "a@b.c"));
	}

	@Test
	void parseWhenSomeOrNoneThenRelationalQuantifier() {
		assertThat(parse("{\"comments\": {\"_some\": {\"body\": {\"_contains\": \"x\"}}}}"))
			.isEqualTo(new Some(List.of("comments"), condition("body", FilterOperator.CONTAINS, "x")));
		assertThat(parse("{\"comments\": {\"_none\": {\"body\": {\"_contains\": \"x\"}}}}"))
			.isEqualTo(new None(List.of("comments"), condition("body", FilterOperator.CONTAINS, "x")));
		assertThat(parse("{\"comments\": {\"_some\": {}}}"))
			.isEqualTo(new Some(List.of("comments"), new And(List.of())));
	}

	@Test
	void parseWhenSomeMisplacedThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"_some\": {\"a\": 1}}"),
				"\"_some\" can only be used on a one-to-many relational field");
		assertInvalidQuery(() -> parse("{\"comments\": {\"_none\": true}}"), "\"_none\" has to be a filter object");
	}

	@Test
	void parseWhenLogicalOperandMalformedThenInvalidQueryInsteadOfWideningAsDirectusDoes() {
		String reason = "\"_or\" has to be a non-empty array of filter objects";
		assertInvalidQuery(() -> parse("{\"_or\": []}"), reason);
		assertInvalidQuery(() -> parse("{\"_or\": {\"a\": 1}}"), reason);
		assertInvalidQuery(() -> parse("{\"_or\": [{\"a\": 1}, 5]}"), reason);
		assertInvalidQuery(() -> parse("{\"_or\": [{\"a\": 1}, {}]}"), reason);
		assertInvalidQuery(() -> parse("{\"_and\": \"x\"}"), "\"_and\" has to be a non-empty array of filter objects");
	}

	@Test
	void parseWhenLogicalOperandIsIndexedObjectThenItsValues() {
		Map<String, Object> indexed = new LinkedHashMap<>();
		indexed.put("0", Map.of("a", 1));
		indexed.put("25", Map.of("b", 2));
		assertThat(this.parser.parseFilter(Map.of("_or", indexed)))
			.isEqualTo(new Or(List.of(condition("a", FilterOperator.EQ, 1), condition("b", FilterOperator.EQ, 2))));
		assertInvalidQuery(() -> this.parser.parseFilter(Map.of("_or", Map.of("x", Map.of("a", 1)))),
				"\"_or\" has to be a non-empty array of filter objects");
	}

	@Test
	void parseWhenUnknownOperatorThenInvalidQueryNamingIt() {
		for (String operator : List.of("_regex", "_ieq", "_nieq", "_json", "_intersects", "_nintersects_bbox",
				"_submitted", "_like")) {
			assertInvalidQuery(() -> parse("{\"title\": {\"" + operator + "\": \"x\"}}"),
					"Unknown filter operator \"" + operator + "\"");
		}
	}

	@Test
	void parseWhenOperatorWithoutFieldThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"_eq\": 1}"), "The filter operator \"_eq\" needs a field");
	}

	@Test
	void parseWhenFieldFunctionThenConditionOnTheCall() {
		assertThat(parse("{\"author\": {\"year(born_on)\": {\"_eq\": 2024}}}"))
			.isEqualTo(new Filter.Condition(List.of("author", "year(born_on)"), FilterOperator.EQ, 2024));
		assertThat(parse("{\"count(comments)\": {\"_gt\": 3}}"))
			.isEqualTo(new Filter.Condition(List.of("count(comments)"), FilterOperator.GT, 3));
	}

	@Test
	void parseWhenFieldObjectEmptyThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"author\": {\"email\": {}}}"), "The filter for \"author.email\" is empty");
	}

	@Test
	void parseWhenTrueFalseNullStringsThenCoercedEverywhere() {
		assertThat(parse("{\"title\": {\"_eq\": \"true\"}}")).isEqualTo(condition("title", FilterOperator.EQ, true));
		assertThat(parse("{\"title\": {\"_neq\": \"false\"}}"))
			.isEqualTo(condition("title", FilterOperator.NEQ, false));
		assertThat(parse("{\"title\": {\"_eq\": \"null\"}}")).isEqualTo(condition("title", FilterOperator.EQ, null));
		assertThat(parse("{\"title\": \"NULL\"}")).isEqualTo(condition("title", FilterOperator.EQ, null));
		assertThat(parse("{\"title\": {\"_null\": \"true\"}}"))
			.isEqualTo(condition("title", FilterOperator.NULL, true));
		assertThat(parse("{\"title\": {\"_in\": \"a,true,null\"}}"))
			.isEqualTo(condition("title", FilterOperator.IN, Arrays.asList("a", true, null)));
		// Other strings stay strings: numbers are converted only against the field type.
		assertThat(parse("{\"views\": {\"_eq\": \"10\"}}")).isEqualTo(condition("views", FilterOperator.EQ, "10"));
		assertThat(parse("{\"title\": {\"_eq\": \"True\"}}")).isEqualTo(condition("title", FilterOperator.EQ, "True"));
	}

	@Test
	void parseWhenListOperatorThenList() {
		assertThat(parse("{\"id\": {\"_in\": [1, 2]}}")).isEqualTo(condition("id", FilterOperator.IN, List.of(1, 2)));
		assertThat(parse("{\"id\": {\"_nin\": \"1,2\"}}"))
			.isEqualTo(condition("id", FilterOperator.NIN, List.of("1", "2")));
		assertThat(parse("{\"id\": {\"_between\": [1, 5]}}"))
			.isEqualTo(condition("id", FilterOperator.BETWEEN, List.of(1, 5)));
		Map<String, Object> indexed = new LinkedHashMap<>();
		indexed.put("21", "a");
		indexed.put("22", "b");
		assertThat(this.parser.parseFilter(Map.of("id", Map.of("_nbetween", indexed))))
			.isEqualTo(condition("id", FilterOperator.NBETWEEN, List.of("a", "b")));
	}

	@Test
	void parseWhenListOperatorNotAListThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"id\": {\"_in\": []}}"), "\"_in\" has to be an array of values");
		assertInvalidQuery(() -> parse("{\"id\": {\"_in\": 5}}"), "\"_in\" has to be an array of values");
		assertInvalidQuery(() -> parse("{\"id\": {\"_nin\": true}}"), "\"_nin\" has to be an array of values");
		assertInvalidQuery(() -> parse("{\"id\": {\"_in\": [[1]]}}"), "\"_in\" has to be an array of values");
	}

	@Test
	void parseWhenBetweenNotTwoValuesThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"id\": {\"_between\": [1, 2, 3]}}"),
				"\"_between\" has to be an array of two values");
		assertInvalidQuery(() -> parse("{\"id\": {\"_nbetween\": \"1\"}}"),
				"\"_nbetween\" has to be an array of two values");
	}

	@Test
	void parseWhenFlagNotBooleanThenInvalidQuery() {
		for (String operator : List.of("_null", "_nnull", "_empty", "_nempty")) {
			assertInvalidQuery(() -> parse("{\"title\": {\"" + operator + "\": \"yes\"}}"),
					"\"" + operator + "\" has to be a boolean");
		}
		assertInvalidQuery(() -> parse("{\"title\": {\"_null\": 1}}"), "\"_null\" has to be a boolean");
	}

	@Test
	void parseWhenFlagNullOrEmptyThenTrueAsDirectus() {
		for (String operator : List.of("_null", "_nnull", "_empty", "_nempty")) {
			FilterOperator flag = FilterOperator.fromToken(operator).orElseThrow();
			for (String value : List.of("null", "\"\"", "\"null\"")) {
				assertThat(parse("{\"title\": {\"" + operator + "\": " + value + "}}"))
					.isEqualTo(new Filter.Condition(List.of("title"), flag, true));
			}
		}
	}

	@Test
	void parseWhenScalarOperatorGetsObjectOrArrayThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"title\": {\"_eq\": {\"a\": 1}}}"),
				"The filter value for \"_eq\" has to be a string, number, or boolean");
		assertInvalidQuery(() -> parse("{\"title\": {\"_contains\": [\"a\"]}}"),
				"The filter value for \"_contains\" has to be a string, number, or boolean");
		assertInvalidQuery(() -> parse("{\"title\": [\"a\"]}"),
				"The filter value for \"_eq\" has to be a string, number, or boolean");
	}

	@Test
	void parseWhenEmptyStringThenInvalidQuery() {
		assertInvalidQuery(() -> parse("{\"title\": {\"_eq\": \"\"}}"),
				"You can't filter for an empty string in \"_eq\". Use \"_empty\" or \"_nempty\" instead");
		assertInvalidQuery(() -> parse("{\"title\": {\"_starts_with\": \"\"}}"),
				"You can't filter for an empty string in \"_starts_with\". Use \"_empty\" or \"_nempty\" instead");
		assertInvalidQuery(() -> parse("{\"title\": \"\"}"),
				"You can't filter for an empty string in \"_eq\". Use \"_empty\" or \"_nempty\" instead");
	}

	@Test
	void parseWhenNumberNotFiniteThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.parseFilter(Map.of("rating", Map.of("_gt", Double.NaN))),
				"The filter value for \"_gt\" is not a valid number");
		assertInvalidQuery(
				() -> this.parser.parseFilter(Map.of("rating", Map.of("_in", List.of(Double.POSITIVE_INFINITY)))),
				"The filter value for \"_in\" is not a valid number");
	}

	@Test
	void parseWhenNotAnObjectThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.parseFilter(List.of()), "\"filter\" must be of type object");
		assertInvalidQuery(() -> this.parser.parseFilter("status"), "\"filter\" must be of type object");
	}

	@Test
	void parseWhenDynamicVariablesThenKeptRawForTheBinder() {
		assertThat(parse("{\"author\": {\"_eq\": \"$CURRENT_USER\"}}"))
			.isEqualTo(condition("author", FilterOperator.EQ, "$CURRENT_USER"));
		assertThat(parse("{\"published_at\": {\"_gt\": \"$NOW(-1 year)\"}}"))
			.isEqualTo(condition("published_at", FilterOperator.GT, "$NOW(-1 year)"));
	}

	private @Nullable Filter parse(String json) {
		return this.parser.parseFilter(MiniJson.parse(json));
	}

	private static Condition condition(String field, FilterOperator operator, @Nullable Object value) {
		return new Condition(List.of(field), operator, value);
	}

}
