package dev.tidings.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tidings.query.Filter.And;
import dev.tidings.query.Filter.Condition;
import dev.tidings.query.Filter.Or;
import dev.tidings.query.Query.Meta;

import static dev.tidings.query.Failures.assertInvalidQuery;
import static org.assertj.core.api.Assertions.assertThat;

class QueryParserTests {

	private final QueryParser parser = new QueryParser(new MiniJson());

	@Test
	void fromUrlWhenNoParametersThenEmptyQuery() {
		assertThat(this.parser.fromUrl(Map.of())).isEqualTo(Query.EMPTY);
	}

	@Test
	void fromUrlWhenUnknownKeysThenIgnored() {
		assertThat(this.parser.fromUrl(url("access_token=secret", "export=csv", "foo[bar]=1"))).isEqualTo(Query.EMPTY);
	}

	@Test
	void fromUrlWhenKeysMalformedThenTakenLiterallyAndIgnored() {
		assertThat(this.parser.fromUrl(url("filter[status=x", "0=x", "[a]=1", "limit]=5"))).isEqualTo(Query.EMPTY);
	}

	@Test
	void fromUrlWhenPlainAndBracketFormsMixedThenOneListAsQsMakesIt() {
		assertThat(this.parser.fromUrl(url("fields=id", "fields[]=title")).fields()).containsExactly("id", "title");
	}

	@Test
	void fromUrlWhenFilterBracketsIndexTheFilterItselfThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("filter[0]=x")), "\"filter\" must be of type object");
	}

	@Test
	void fromUrlWhenCommaFieldsThenSplitAndTrimmed() {
		assertThat(this.parser.fromUrl(url("fields= id, title ,author.email,")).fields()).containsExactly("id", "title",
				"author.email");
	}

	@Test
	void fromUrlWhenFieldFunctionThenCommaInsideParenthesesKept() {
		assertThat(this.parser.fromUrl(url("fields=id,json(data, a.b),title")).fields()).containsExactly("id",
				"json(data, a.b)", "title");
	}

	@Test
	void fromUrlWhenUnbalancedParenthesisThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("fields=count(id")),
				"Missing closing parenthesis in \"fields\"");
		assertInvalidQuery(() -> this.parser.fromUrl(url("fields=a(b(c))")),
				"Nested functions are not supported in \"fields\"");
	}

	@Test
	void fromUrlWhenBracketFieldsRepeatedThenEachEntryAlsoSplit() {
		assertThat(this.parser.fromUrl(url("fields[]=id", "fields[]=title,status")).fields()).containsExactly("id",
				"title", "status");
	}

	@Test
	void fromUrlWhenPlainKeyRepeatedThenList() {
		assertThat(this.parser.fromUrl(url("fields=id", "fields=title")).fields()).containsExactly("id", "title");
	}

	@Test
	void fromUrlWhenFilterJsonThenParsed() {
		Query query = this.parser.fromUrl(url("filter={\"status\":{\"_eq\":\"published\"}}"));
		assertThat(query.filter()).isEqualTo(new Condition(List.of("status"), FilterOperator.EQ, "published"));
	}

	@Test
	void fromUrlWhenFilterJsonInvalidThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("filter={status")), "Invalid JSON for filter object");
	}

	@Test
	void fromUrlWhenFilterJsonNotAnObjectThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("filter=[1,2]")), "\"filter\" must be of type object");
		assertInvalidQuery(() -> this.parser.fromUrl(url("filter=5")), "\"filter\" must be of type object");
	}

	@Test
	void fromUrlWhenFilterEmptyThenNoFilter() {
		assertThat(this.parser.fromUrl(url("filter=")).filter()).isNull();
		assertThat(this.parser.fromUrl(url("filter={}")).filter()).isNull();
		assertThat(this.parser.fromUrl(url("filter=null")).filter()).isNull();
	}

	@Test
	void parseWhenBracketFormThenNestedCondition() {
		Query query = this.parser.fromUrl(url("filter[author][email][_eq]=a@b.c"));
		assertThat(query.filter()).isEqualTo(new Condition(List.of("author", "email"), FilterOperator.EQ, "a@b.c"));
	}

	@Test
	void parseWhenBracketFormWithIndicesThenListsAsQsBuildsThem() {
		Query query = this.parser.fromUrl(url("filter[_or][0][views][_gt]=100", "filter[_or][1][featured][_eq]=true"));
		assertThat(query.filter()).isEqualTo(new Or(List.of(new Condition(List.of("views"), FilterOperator.GT, "100"),
				new Condition(List.of("featured"), FilterOperator.EQ, true))));
	}

	@Test
	void parseWhenBracketIndicesSparseThenGapsClosed() {
		Query query = this.parser.fromUrl(url("filter[_and][5][a][_eq]=2", "filter[_and][1][b][_eq]=1"));
		assertThat(query.filter()).isEqualTo(new And(List.of(new Condition(List.of("b"), FilterOperator.EQ, "1"),
				new Condition(List.of("a"), FilterOperator.EQ, "2"))));
	}

	@Test
	void parseWhenBracketInListThenValues() {
		Condition expected = new Condition(List.of("id"), FilterOperator.IN, List.of("1", "2"));
		assertThat(this.parser.fromUrl(url("filter[id][_in][0]=1", "filter[id][_in][1]=2")).filter())
			.isEqualTo(expected);
		assertThat(this.parser.fromUrl(url("filter[id][_in][]=1", "filter[id][_in][]=2")).filter()).isEqualTo(expected);
		assertThat(this.parser.fromUrl(url("filter[id][_in]=1,2")).filter()).isEqualTo(expected);
	}

	@Test
	void parseWhenBracketFilterHasSeveralFieldsThenAnd() {
		Query query = this.parser
			.fromUrl(url("filter[status][_eq]=draft", "filter[views][_gte]=10", "filter[views][_lt]=20"));
		assertThat(query.filter())
			.isEqualTo(new And(List.of(new Condition(List.of("status"), FilterOperator.EQ, "draft"),
					new And(List.of(new Condition(List.of("views"), FilterOperator.GTE, "10"),
							new Condition(List.of("views"), FilterOperator.LT, "20"))))));
	}

	@Test
	void fromUrlWhenSortThenDirectionsAndPaths() {
		assertThat(this.parser.fromUrl(url("sort=-published_at, title,author.email")).sort()).containsExactly(
				new SortField(List.of("published_at"), true), new SortField(List.of("title"), false),
				new SortField(List.of("author", "email"), false));
		assertThat(this.parser.fromUrl(url("sort[]=-id", "sort[]=title")).sort())
			.containsExactly(new SortField(List.of("id"), true), new SortField(List.of("title"), false));
	}

	@Test
	void fromUrlWhenSortPathHasEmptySegmentThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("sort=author..email")),
				"Invalid field path \"author..email\" in \"sort\"");
		assertInvalidQuery(() -> this.parser.fromUrl(url("sort=-")), "Invalid field path \"\" in \"sort\"");
	}

	@Test
	void fromUrlWhenPaginationThenIntegers() {
		Query query = this.parser.fromUrl(url("limit=10", "offset=20", "page=3"));
		assertThat(query.limit()).isEqualTo(10);
		assertThat(query.offset()).isEqualTo(20);
		assertThat(query.page()).isEqualTo(3);
		assertThat(this.parser.fromUrl(url("limit=-1")).limit()).isEqualTo(-1);
		assertThat(this.parser.fromUrl(url("limit=0", "page=0")).limit()).isZero();
	}

	@Test
	void fromUrlWhenLimitInvalidThenJoiMessages() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("limit=abc")), "\"limit\" must be a number");
		assertInvalidQuery(() -> this.parser.fromUrl(url("limit=")), "\"limit\" must be a number");
		assertInvalidQuery(() -> this.parser.fromUrl(url("limit=1.5")), "\"limit\" must be an integer");
		assertInvalidQuery(() -> this.parser.fromUrl(url("limit=-2")), "\"limit\" must be greater than or equal to -1");
		assertInvalidQuery(() -> this.parser.fromUrl(url("limit=99999999999")),
				"\"limit\" must be less than or equal to 2147483647");
		assertInvalidQuery(() -> this.parser.fromUrl(url("limit=1", "limit=2")), "\"limit\" must be a number");
	}

	@Test
	void fromUrlWhenOffsetOrPageNegativeThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("offset=-1")),
				"\"offset\" must be greater than or equal to 0");
		assertInvalidQuery(() -> this.parser.fromUrl(url("page=-1")), "\"page\" must be greater than or equal to 0");
		assertInvalidQuery(() -> this.parser.fromUrl(url("offset=x")), "\"offset\" must be a number");
	}

	@Test
	void fromUrlWhenSearchThenTrimmedUnlessOnlySpaces() {
		assertThat(this.parser.fromUrl(url("search=  hello world ")).search()).isEqualTo("hello world");
		assertThat(this.parser.fromUrl(url("search=   ")).search()).isEqualTo("   ");
		assertThat(this.parser.fromUrl(url("search=")).search()).isNull();
	}

	@Test
	void fromUrlWhenSearchNotAStringThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("search[]=a")), "\"search\" must be a string");
	}

	@Test
	void fromUrlWhenMetaThenCounts() {
		assertThat(this.parser.fromUrl(url("meta=total_count")).meta()).containsExactly(Meta.TOTAL_COUNT);
		assertThat(this.parser.fromUrl(url("meta=total_count,filter_count")).meta())
			.containsExactlyInAnyOrder(Meta.TOTAL_COUNT, Meta.FILTER_COUNT);
		assertThat(this.parser.fromUrl(url("meta=*")).meta()).isEqualTo(Set.of(Meta.TOTAL_COUNT, Meta.FILTER_COUNT));
		assertThat(this.parser.fromUrl(url("meta[]=filter_count")).meta()).containsExactly(Meta.FILTER_COUNT);
	}

	@Test
	void fromUrlWhenMetaUnknownThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("meta=total_count,everything")),
				"\"meta[1]\" must be one of [total_count, filter_count]");
		// What the SDK sends for meta: ['total_count'] (it JSON-encodes non-strings).
		assertInvalidQuery(() -> this.parser.fromUrl(url("meta=[\"total_count\"]")),
				"\"meta[0]\" must be one of [total_count, filter_count]");
	}

	@Test
	void fromUrlWhenAggregateBracketsThenFieldsPerFunction() {
		Query query = this.parser.fromUrl(url("aggregate[count]=*", "aggregate[sum]=views, rating"));
		assertThat(query.aggregate()).containsExactly(Map.entry(AggregateFunction.COUNT, List.of("*")),
				Map.entry(AggregateFunction.SUM, List.of("views", "rating")));
		assertThat(query.isAggregate()).isTrue();
	}

	@Test
	void fromUrlWhenAggregateJsonThenFieldsPerFunction() {
		assertThat(this.parser.fromUrl(url("aggregate={\"count\":\"*\"}")).aggregate())
			.containsExactly(Map.entry(AggregateFunction.COUNT, List.of("*")));
		assertThat(this.parser.fromUrl(url("aggregate={\"sum\":[\"a\",\"b\"],\"countDistinct\":\"c\"}")).aggregate())
			.containsExactly(Map.entry(AggregateFunction.SUM, List.of("a", "b")),
					Map.entry(AggregateFunction.COUNT_DISTINCT, List.of("c")));
	}

	@Test
	void fromUrlWhenCountAllThenRowsWhateverFieldsItNames() {
		assertThat(this.parser.fromUrl(url("aggregate={\"countAll\":\"title\"}")).aggregate())
			.containsExactly(Map.entry(AggregateFunction.COUNT_ALL, List.of("*")));
		assertThat(this.parser.fromUrl(url("aggregate[countAll]=")).aggregate())
			.containsExactly(Map.entry(AggregateFunction.COUNT_ALL, List.of("*")));
	}

	@Test
	void fromUrlWhenPathGoesThroughMoreThanTenRelationsThenInvalidQuery() {
		String ten = String.join(".", java.util.Collections.nCopies(11, "*"));
		assertThat(this.parser.fromUrl(url("fields=" + ten)).fields()).containsExactly(ten);
		assertInvalidQuery(() -> this.parser.fromUrl(url("fields=id," + ten + ".*")),
				"Max relational depth exceeded: \"fields\" goes through at most 10 relations");
		assertInvalidQuery(() -> this.parser.fromUrl(url("sort=" + ten.replace('*', 'a') + ".b")),
				"Max relational depth exceeded: \"sort\" goes through at most 10 relations");
		assertInvalidQuery(() -> this.parser.fromUrl(url("groupBy=" + ten.replace('*', 'a') + ".b")),
				"Max relational depth exceeded: \"groupBy\" goes through at most 10 relations");
	}

	@Test
	void fromUrlWhenAggregateInvalidThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(url("aggregate[median]=views")),
				"Unknown aggregate function \"median\"");
		assertInvalidQuery(() -> this.parser.fromUrl(url("aggregate={\"countall\":\"*\"}")),
				"Unknown aggregate function \"countall\"");
		assertInvalidQuery(() -> this.parser.fromUrl(url("aggregate={count")), "Invalid JSON for aggregate object");
		assertInvalidQuery(() -> this.parser.fromUrl(url("aggregate=[1]")), "\"aggregate\" must be of type object");
		assertInvalidQuery(() -> this.parser.fromUrl(url("aggregate[sum]=")), "\"aggregate[sum]\" needs a field");
	}

	@Test
	void fromUrlWhenGroupByThenFields() {
		assertThat(this.parser.fromUrl(url("groupBy=status, author")).groupBy()).containsExactly("status", "author");
		assertThat(this.parser.fromUrl(url("groupBy[]=status", "groupBy[]=author")).groupBy()).containsExactly("status",
				"author");
	}

	@Test
	void fromJsonWhenRealJsonThenParsed() {
		Query query = this.parser.fromJson(MiniJson.object("""
				{"fields": ["id", "title"], "filter": {"views": {"_gt": 10}}, "sort": ["-id"], "limit": 5,
				 "offset": 10, "page": 2, "search": " x ", "meta": ["total_count"], "aggregate": {"sum": ["views"]},
				 "groupBy": ["status"]}
				"""));
		assertThat(query)
			.isEqualTo(new Query(List.of("id", "title"), new Condition(List.of("views"), FilterOperator.GT, 10),
					List.of(new SortField(List.of("id"), true)), 5, 10, 2, "x", Set.of(Meta.TOTAL_COUNT),
					Map.of(AggregateFunction.SUM, List.of("views")), List.of("status")));
	}

	@Test
	void fromJsonWhenSdkStringEncodingThenSameAsRealJson() {
		Query fromStrings = this.parser.fromJson(MiniJson
			.object("""
					{"fields": "id,title", "filter": "{\\"views\\":{\\"_gt\\":10}}", "sort": "-id", "limit": "5",
					 "offset": "10", "page": "2", "search": "x", "meta": "total_count", "aggregate": "{\\"sum\\":\\"views\\"}",
					 "groupBy": "status"}
					"""));
		Query fromJson = this.parser.fromJson(MiniJson.object("""
				{"fields": ["id", "title"], "filter": {"views": {"_gt": 10}}, "sort": ["-id"], "limit": 5,
				 "offset": 10, "page": 2, "search": "x", "meta": ["total_count"], "aggregate": {"sum": ["views"]},
				 "groupBy": ["status"]}
				"""));
		assertThat(fromStrings).isEqualTo(fromJson);
	}

	@Test
	void fromJsonAndFromUrlWhenSameQueryThenEqual() {
		Query fromUrl = this.parser.fromUrl(url("fields=id,title", "filter[status][_eq]=published", "sort=-id",
				"limit=10", "meta=*", "aggregate[count]=*", "groupBy[]=status"));
		Query fromSdk = this.parser.fromJson(MiniJson.object("""
				{"fields": "id,title", "filter": "{\\"status\\":{\\"_eq\\":\\"published\\"}}", "sort": "-id",
				 "limit": "10", "meta": "*", "aggregate": "{\\"count\\":\\"*\\"}", "groupBy": "status"}
				"""));
		assertThat(fromSdk).isEqualTo(fromUrl);
	}

	@Test
	void fromJsonWhenValuesOfWrongTypeThenSameMessagesAsUrl() {
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("limit", 1.5)), "\"limit\" must be an integer");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("limit", true)), "\"limit\" must be a number");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("limit", "abc")), "\"limit\" must be a number");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("search", 5)), "\"search\" must be a string");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("filter", "{oops")), "Invalid JSON for filter object");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("filter", List.of())),
				"\"filter\" must be of type object");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("fields", Map.of("a", "b"))),
				"\"fields\" must be a string or an array of strings");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("fields", List.of(1))),
				"\"fields\" must be a string or an array of strings");
		assertInvalidQuery(() -> this.parser.fromJson(Map.of("meta", "count")),
				"\"meta[0]\" must be one of [total_count, filter_count]");
	}

	@Test
	void fromJsonWhenLimitIsIntegralDoubleThenAccepted() {
		assertThat(this.parser.fromJson(Map.of("limit", 10.0)).limit()).isEqualTo(10);
	}

	@Test
	void fromJsonWhenJsonReaderFailsOtherwiseThenStillInvalidQuery() {
		QueryParser failing = new QueryParser((text) -> {
			throw new IllegalStateException("decoder broke");
		});
		assertInvalidQuery(() -> failing.fromJson(Map.of("filter", "{}")), "Invalid JSON for filter object");
	}

	/** Raw URL parameters in order, as a servlet container hands them over. */
	static Map<String, List<String>> url(String... pairs) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			params.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
		}
		return params;
	}

}
