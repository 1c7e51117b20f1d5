package dev.tidings.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RowMatcherTests {

	private static final UUID AUTHOR = UUID.fromString("5f1c1c3e-8d0a-4a4e-9a53-3e8d2f3b9c01");

	private final RowMatcher matcher = new RowMatcher();

	/** One operator: its field and operand, a value it matches and one it does not. */
	private record Case(FilterOperator operator, String field, Object operand, Object match, Object miss) {
	}

	private static final List<Case> CASES = List.of(new Case(FilterOperator.EQ, "title", "a", "a", "A"),
			new Case(FilterOperator.NEQ, "title", "a", "b", "a"), new Case(FilterOperator.LT, "views", 5, 4, 5),
			new Case(FilterOperator.LTE, "views", 5, 5, 6), new Case(FilterOperator.GT, "views", 5, 6, 5),
			new Case(FilterOperator.GTE, "views", 5, 5, 4), new Case(FilterOperator.IN, "views", List.of(1, 2), 2, 3),
			new Case(FilterOperator.NIN, "views", List.of(1, 2), 3, 1),
			new Case(FilterOperator.BETWEEN, "views", List.of(1, 5), 5, 6),
			new Case(FilterOperator.NBETWEEN, "views", List.of(1, 5), 0, 1),
			new Case(FilterOperator.NNULL, "title", true, "x", "__null__"),
			new Case(FilterOperator.NULL, "title", true, "__null__", "x"),
			new Case(FilterOperator.EMPTY, "title", true, "", "x"),
			new Case(FilterOperator.NEMPTY, "title", true, "x", ""),
			new Case(FilterOperator.CONTAINS, "title", "b", "abc", "ABC"),
			new Case(FilterOperator.NCONTAINS, "title", "b", "ABC", "abc"),
			new Case(FilterOperator.ICONTAINS, "title", "é", "CAFÉ", "cafe"),
			new Case(FilterOperator.NICONTAINS, "title", "É", "cafe", "café"),
			new Case(FilterOperator.STARTS_WITH, "title", "ab", "abc", "Abc"),
			new Case(FilterOperator.NSTARTS_WITH, "title", "ab", "Abc", "abc"),
			new Case(FilterOperator.ISTARTS_WITH, "title", "ÉT", "été", "ete"),
			new Case(FilterOperator.NISTARTS_WITH, "title", "ét", "ete", "Été"),
			new Case(FilterOperator.ENDS_WITH, "title", "bc", "abc", "aBC"),
			new Case(FilterOperator.NENDS_WITH, "title", "bc", "aBC", "abc"),
			new Case(FilterOperator.IENDS_WITH, "title", "BC", "abc", "abd"),
			new Case(FilterOperator.NIENDS_WITH, "title", "BC", "abd", "abc"));

	@Test
	void matchesWhenAnyOperatorThenEachHasItsOwnMeaning() {
		Set<FilterOperator> covered = EnumSet.noneOf(FilterOperator.class);
		CASES.forEach((c) -> covered.add(c.operator()));
		assertThat(covered).containsExactlyInAnyOrder(FilterOperator.values());
		for (FilterOperator operator : FilterOperator.values()) {
			Case c = CASES.stream().filter((candidate) -> candidate.operator() == operator).findFirst().orElseThrow();
			BoundFilter filter = new Condition(path(c.field()), operator, c.operand());
			assertThat(matches(filter, article(c.field(), c.match()))).as("%s matches %s", operator, c.match())
				.isTrue();
			assertThat(matches(filter, article(c.field(), c.miss()))).as("%s misses %s", operator, c.miss()).isFalse();
		}
	}

	@Test
	void matchesWhenValueNullThenOnlyNullAndEmptyHold() {
		Set<FilterOperator> holdOnNull = EnumSet.of(FilterOperator.NULL, FilterOperator.EMPTY);
		for (Case c : CASES) {
			BoundFilter filter = new Condition(path(c.field()), c.operator(), c.operand());
			assertThat(matches(filter, article(c.field(), null))).as("%s on null", c.operator())
				.isEqualTo(holdOnNull.contains(c.operator()));
		}
	}

	@Test
	void matchesWhenNegatedOperatorThenExactComplementOnNonNullValues() {
		for (Case c : CASES) {
			if (!c.operator().isNegated()) {
				continue;
			}
			FilterOperator positive = FilterOperator.fromToken("_" + c.operator().token().substring(2)).orElseThrow();
			for (Object value : List.of(c.match(), c.miss())) {
				Map<String, @Nullable Object> row = article(c.field(), value);
				assertThat(matches(new Condition(path(c.field()), c.operator(), c.operand()), row))
					.isNotEqualTo(matches(new Condition(path(c.field()), positive, c.operand()), row));
			}
		}
	}

	@Test
	void matchesWhenFlagCarriesFalseThenNegated() {
		BoundFilter notNull = new Condition(path("title"), FilterOperator.NULL, false);
		assertThat(matches(notNull, article("title", "x"))).isTrue();
		assertThat(matches(notNull, article("title", null))).isFalse();
		BoundFilter notEmpty = new Condition(path("title"), FilterOperator.EMPTY, false);
		assertThat(matches(notEmpty, article("title", ""))).isFalse();
	}

	@Test
	void matchesWhenNumbersThenEqualByValue() {
		assertThat(matches(eq("price", new BigDecimal("1.00")), article("price", new BigDecimal("1.0")))).isTrue();
		assertThat(matches(eq("rating", 0.0), article("rating", -0.0))).isTrue();
		assertThat(matches(new Condition(path("rating"), FilterOperator.LT, 0.0), article("rating", -0.0))).isFalse();
		assertThat(matches(eq("views", 5), article("views", 5L))).isTrue();
		assertThat(matches(new Condition(path("price"), FilterOperator.IN, List.of(new BigDecimal("2.50"))),
				article("price", new BigDecimal("2.5"))))
			.isTrue();
		assertThat(matches(new Condition(path("views"), FilterOperator.GT, Long.MAX_VALUE - 1),
				article("views", Long.MAX_VALUE)))
			.isTrue();
	}

	@Test
	void matchesWhenStringsThenExactAndCaseSensitive() {
		assertThat(matches(eq("title", "Hello"), article("title", "Hello"))).isTrue();
		assertThat(matches(eq("title", "Hello"), article("title", "hello"))).isFalse();
		assertThat(matches(eq("title", "Hello"), article("title", "Hello "))).isFalse();
		assertThat(matches(eq("title", "true"), article("title", "true"))).isTrue();
	}

	@Test
	void matchesWhenOtherTypesThenEqualAndOrdered() {
		Instant at = Instant.parse("2024-05-01T10:00:00Z");
		assertThat(matches(eq("published_at", at), article("published_at", Instant.parse("2024-05-01T10:00:00Z"))))
			.isTrue();
		assertThat(matches(new Condition(path("published_at"), FilterOperator.GTE, at),
				article("published_at", at.minusMillis(1))))
			.isFalse();
		assertThat(matches(eq("uid", AUTHOR), article("uid", UUID.fromString(AUTHOR.toString())))).isTrue();
		assertThat(matches(eq("featured", true), article("featured", true))).isTrue();
		assertThat(matches(new Condition(path("featured"), FilterOperator.NEQ, true), article("featured", false)))
			.isTrue();
	}

	@Test
	void matchesWhenPatternHasPercentOrUnderscoreThenLiteral() {
		BoundFilter percent = new Condition(path("title"), FilterOperator.CONTAINS, "0%");
		assertThat(matches(percent, article("title", "100% sure"))).isTrue();
		assertThat(matches(percent, article("title", "1000 sure"))).isFalse();
		BoundFilter underscore = new Condition(path("title"), FilterOperator.ISTARTS_WITH, "a_c");
		assertThat(matches(underscore, article("title", "A_Cme"))).isTrue();
		assertThat(matches(underscore, article("title", "abcme"))).isFalse();
		BoundFilter percentOnly = new Condition(path("title"), FilterOperator.ENDS_WITH, "%");
		assertThat(matches(percentOnly, article("title", "x"))).isFalse();
	}

	@Test
	void matchesWhenCaseInsensitiveThenUnicodeFolded() {
		assertThat(matches(new Condition(path("title"), FilterOperator.ICONTAINS, "é"), article("title", "ÉTÉ")))
			.isTrue();
		assertThat(matches(new Condition(path("title"), FilterOperator.ICONTAINS, "É"), article("title", "été")))
			.isTrue();
		assertThat(matches(new Condition(path("title"), FilterOperator.CONTAINS, "é"), article("title", "ÉTÉ")))
			.isFalse();
		assertThat(matches(new Condition(path("title"), FilterOperator.ICONTAINS, "e"), article("title", "été")))
			.isFalse();
	}

	@Test
	void matchesWhenBetweenBoundsReversedThenNothingLikeSql() {
		BoundFilter between = new Condition(path("views"), FilterOperator.BETWEEN, List.of(5, 1));
		BoundFilter outside = new Condition(path("views"), FilterOperator.NBETWEEN, List.of(5, 1));
		for (int views = -1; views <= 7; views++) {
			assertThat(matches(between, article("views", views))).isFalse();
			assertThat(matches(outside, article("views", views))).isTrue();
		}
	}

	@Test
	void matchesWhenLogicalNodesThenAndOrWithEmptyIdentities() {
		Map<String, @Nullable Object> row = article("views", 3);
		assertThat(matches(new And(List.of()), row)).isTrue();
		assertThat(matches(new Or(List.of()), row)).isFalse();
		assertThat(matches(new And(List.of(eq("views", 3), new Or(List.of(eq("views", 4), eq("views", 3))))), row))
			.isTrue();
		assertThat(matches(new And(List.of(eq("views", 3), new Or(List.of()))), row)).isFalse();
	}

	@Test
	void matchesWhenManyToOnePathThenRelatedRowCompared() {
		BoundFilter email = new Condition(path("author", "email"), FilterOperator.ENDS_WITH, "@example.com");
		assertThat(matches(email, article("author", Map.of("id", AUTHOR, "email", "jo@example.com")))).isTrue();
		assertThat(matches(email, article("author", Map.of("id", AUTHOR, "email", "jo@elsewhere.org")))).isFalse();
	}

	@Test
	void matchesWhenManyToOneNullThenComparedValueNull() {
		Map<String, @Nullable Object> orphan = article("author", null);
		assertThat(matches(new Condition(path("author", "email"), FilterOperator.NULL, true), orphan)).isTrue();
		assertThat(matches(new Condition(path("author", "email"), FilterOperator.NEQ, "x"), orphan)).isFalse();
		assertThat(matches(new Condition(path("author", "email"), FilterOperator.NIN, List.of("x")), orphan)).isFalse();
	}

	@Test
	void matchesWhenManyToOneComparedDirectlyThenKeyOrNestedKey() {
		assertThat(matches(eq("author", AUTHOR), article("author", AUTHOR))).isTrue();
		assertThat(matches(eq("author", AUTHOR), article("author", Map.of("id", AUTHOR, "email", "x")))).isTrue();
		assertThat(matches(eq("author", AUTHOR), article("author", Map.of("id", UUID.randomUUID())))).isFalse();
	}

	@Test
	void matchesWhenRelationNotLoadedThenIllegalState() {
		BoundFilter email = new Condition(path("author", "email"), FilterOperator.EQ, "x");
		assertThatIllegalStateException().isThrownBy(() -> matches(email, article("author", AUTHOR)))
			.withMessageContaining("relation author")
			.withMessageContaining("not loaded");
		Map<String, @Nullable Object> withoutAuthor = article("title", "x");
		withoutAuthor.remove("author");
		assertThatIllegalStateException().isThrownBy(() -> matches(email, withoutAuthor))
			.withMessageContaining("relation author")
			.withMessageContaining("not loaded");
		Map<String, @Nullable Object> withoutComments = article("title", "x");
		withoutComments.remove("comments");
		assertThatIllegalStateException()
			.isThrownBy(() -> matches(new Some(path("comments"), new And(List.of())), withoutComments))
			.withMessageContaining("relation comments");
		Map<String, @Nullable Object> withoutViews = article("title", "x");
		withoutViews.remove("views");
		assertThatIllegalStateException().isThrownBy(() -> matches(eq("views", 1), withoutViews))
			.withMessageContaining("field views of articles not loaded");
	}

	@Test
	void matchesWhenSomeThenAtLeastOneChild() {
		BoundFilter some = new Some(path("comments"),
				new Condition(path(TestSchema.COMMENTS, "body"), FilterOperator.ICONTAINS, "great"));
		assertThat(matches(some, article("comments", List.of(comment(1, "meh"), comment(2, "GREAT!"))))).isTrue();
		assertThat(matches(some, article("comments", List.of(comment(1, "meh"))))).isFalse();
		assertThat(matches(some, article("comments", List.of()))).isFalse();
		assertThat(matches(some, article("comments", null))).isFalse();
	}

	@Test
	void matchesWhenNoneThenNoChildMatches() {
		BoundFilter none = new None(path("comments"),
				new Condition(path(TestSchema.COMMENTS, "body"), FilterOperator.ICONTAINS, "spam"));
		assertThat(matches(none, article("comments", List.of(comment(1, "meh"), comment(2, "ok"))))).isTrue();
		assertThat(matches(none, article("comments", List.of(comment(1, "SPAM"))))).isFalse();
		assertThat(matches(none, article("comments", List.of()))).isTrue();
	}

	@Test
	void matchesWhenRelationThroughNullManyToOneThenSomeFalseAndNoneTrue() {
		Map<String, @Nullable Object> comment = new HashMap<>();
		comment.put("id", 1);
		comment.put("article", null);
		comment.put("body", "x");
		BoundFilter some = new Some(path(TestSchema.COMMENTS, "article", "comments"), new And(List.of()));
		BoundFilter none = new None(path(TestSchema.COMMENTS, "article", "comments"), new And(List.of()));
		assertThat(this.matcher.matches(some, TestSchema.COMMENTS, comment)).isFalse();
		assertThat(this.matcher.matches(none, TestSchema.COMMENTS, comment)).isTrue();
	}

	@Test
	void matchesWhenBoundFromQueryThenEndToEnd() {
		QueryParser parser = new QueryParser(new MiniJson());
		Query query = parser.fromUrl(QueryParserTests.url("filter[_or][0][views][_gt]=100",
				"filter[_or][1][comments][body][_icontains]=ÉTÉ", "filter[status][_neq]=draft"));
		BoundFilter bound = FilterBinder.bind(query.filter(), TestSchema.ARTICLES, TestSchema.REGISTRY,
				Variables.anonymous(Instant.EPOCH));
		Map<String, @Nullable Object> popular = article("views", 101);
		popular.put("status", "published");
		popular.put("comments", List.of());
		Map<String, @Nullable Object> commented = article("views", 3);
		commented.put("status", "published");
		commented.put("comments", List.of(comment(1, "un été")));
		Map<String, @Nullable Object> draft = article("views", 1000);
		draft.put("status", "draft");
		draft.put("comments", List.of());
		Map<String, @Nullable Object> noStatus = article("views", 1000);
		noStatus.put("comments", List.of());
		assertThat(matches(bound, popular)).isTrue();
		assertThat(matches(bound, commented)).isTrue();
		assertThat(matches(bound, draft)).isFalse();
		assertThat(matches(bound, noStatus)).isFalse();
		assertThat(RowMatcher.needsRelations(bound)).isTrue();
	}

	@Test
	void needsRelationsWhenOnlyOwnColumnsThenFalse() {
		assertThat(RowMatcher.needsRelations(new And(List.of(eq("views", 1), new Or(List.of(eq("author", AUTHOR)))))))
			.isFalse();
		assertThat(RowMatcher.needsRelations(
				new Or(List.of(eq("views", 1), new Condition(path("author", "email"), FilterOperator.EQ, "x")))))
			.isTrue();
		assertThat(RowMatcher.needsRelations(new None(path("comments"), new And(List.of())))).isTrue();
	}

	private boolean matches(BoundFilter filter, Map<String, ?> row) {
		return this.matcher.matches(filter, TestSchema.ARTICLES, row);
	}

	private static Condition eq(String field, Object value) {
		return new Condition(path(field), FilterOperator.EQ, value);
	}

	/**
	 * An articles row with every field present and null, but the given one ("__null__"
	 * stands for null in the operator table).
	 */
	private static Map<String, @Nullable Object> article(String field, @Nullable Object value) {
		Map<String, @Nullable Object> row = new HashMap<>();
		TestSchema.ARTICLES.fields().keySet().forEach((name) -> row.put(name, null));
		row.put("comments", new ArrayList<>());
		row.put(field, "__null__".equals(value) ? null : value);
		return row;
	}

	private static Map<String, Object> comment(int id, String body) {
		return Map.of("id", id, "article", 1, "body", body);
	}

	private static FieldPath path(String... names) {
		return path(TestSchema.ARTICLES, names);
	}

	private static FieldPath path(CollectionSchema collection, String... names) {
		return FieldPath.resolve(collection, List.of(names), TestSchema.REGISTRY);
	}

}
