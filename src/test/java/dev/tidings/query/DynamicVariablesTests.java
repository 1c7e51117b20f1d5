package dev.tidings.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.tidings.query.BoundFilter.Condition;
import dev.tidings.query.BoundFilter.None;
import dev.tidings.query.BoundFilter.Or;
import dev.tidings.query.BoundFilter.Some;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;

import static dev.tidings.query.Failures.assertInvalidQuery;
import static org.assertj.core.api.Assertions.assertThat;

class DynamicVariablesTests {

	static final Instant NOW = Instant.parse("2024-01-31T10:00:00Z");

	static final UUID USER = UUID.fromString("5f1c1c3e-8d0a-4a4e-9a53-3e8d2f3b9c01");

	static final UUID ROLE = UUID.fromString("a9b0c1d2-0000-4000-8000-000000000001");

	static final UUID PARENT_ROLE = UUID.fromString("a9b0c1d2-0000-4000-8000-000000000002");

	static final UUID POLICY = UUID.fromString("b0000000-0000-4000-8000-000000000003");

	private static final Variables CALLER = new Variables(USER.toString(), ROLE, List.of(PARENT_ROLE, ROLE),
			List.of(POLICY), NOW);

	private static final Variables ANONYMOUS = Variables.anonymous(NOW);

	private final QueryParser parser = new QueryParser(new MiniJson());

	@Test
	void bindWhenNowThenVariablesNow() {
		assertThat(value("{\"published_at\": {\"_lte\": \"$NOW\"}}")).isEqualTo(NOW);
		assertThat(value("{\"published_at\": {\"_lte\": \"$NOW()\"}}")).isEqualTo(NOW);
	}

	@Test
	void bindWhenNowAdjustedThenMoved() {
		assertThat(now("-1 year")).isEqualTo(Instant.parse("2023-01-31T10:00:00Z"));
		assertThat(now("+2 hours")).isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
		assertThat(now("-7d")).isEqualTo(Instant.parse("2024-01-24T10:00:00Z"));
		assertThat(now("3")).isEqualTo(Instant.parse("2024-02-03T10:00:00Z"));
		assertThat(now("+1 week")).isEqualTo(Instant.parse("2024-02-07T10:00:00Z"));
		assertThat(now("-30 mins")).isEqualTo(Instant.parse("2024-01-31T09:30:00Z"));
		assertThat(now("-1.5h")).isEqualTo(Instant.parse("2024-01-31T08:30:00Z"));
		assertThat(now("45 s")).isEqualTo(Instant.parse("2024-01-31T10:00:45Z"));
		assertThat(now("-250ms")).isEqualTo(Instant.parse("2024-01-31T09:59:59.750Z"));
		assertThat(now("2 msecs")).isEqualTo(Instant.parse("2024-01-31T10:00:00.002Z"));
		assertThat(now("1 M")).isEqualTo(Instant.parse("2024-01-31T10:01:00Z"));
		assertThat(now(" -2 YRS ")).isEqualTo(Instant.parse("2022-01-31T10:00:00Z"));
	}

	@Test
	void bindWhenNowAdjustedByMonthsThenUtcCalendarClampsToMonthEnd() {
		assertThat(now("+1 month")).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
		assertThat(now("1mo")).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
		assertThat(now("-2 mth")).isEqualTo(Instant.parse("2023-11-30T10:00:00Z"));
		assertThat(now("+1y")).isEqualTo(Instant.parse("2025-01-31T10:00:00Z"));
	}

	@Test
	void bindWhenNowAdjustmentUnparsableThenInvalidQueryInsteadOfNow() {
		for (String variable : List.of("$NOW(yesterday)", "$NOW(-1 fortnight)", "$NOW(1.5 months)", "$NOW(--1d)",
				"$NOW(-1 year", "$NOWISH", "$NOW(1e3d)", "$NOW(99999999999999 years)")) {
			assertInvalidQuery(() -> bind("{\"published_at\": {\"_gt\": \"" + variable + "\"}}"),
					"Invalid dynamic variable \"" + variable
							+ "\": use $NOW or $NOW(<+|-><amount> <unit>), such as $NOW(-1 year)");
		}
	}

	@Test
	void bindWhenNowOnLocalTemporalFieldsThenUtcLocalValues() {
		assertThat(value(TestSchema.EVENTS, "{\"day\": {\"_lt\": \"$NOW(+1 day)\"}}"))
			.isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(value(TestSchema.EVENTS, "{\"starts\": {\"_gte\": \"$NOW(-1h)\"}}"))
			.isEqualTo(LocalDateTime.of(2024, 1, 31, 9, 0));
		assertThat(value(TestSchema.EVENTS, "{\"opens\": {\"_gte\": \"$NOW\"}}")).isEqualTo(LocalTime.of(10, 0));
		assertThat(value("{\"published_at\": {\"_between\": [\"$NOW(-1 week)\", \"$NOW\"]}}"))
			.isEqualTo(List.of(Instant.parse("2024-01-24T10:00:00Z"), NOW));
	}

	@Test
	void bindWhenCurrentUserThenConvertedToFieldType() {
		assertThat(bind("{\"author\": {\"_eq\": \"$CURRENT_USER\"}}"))
			.isEqualTo(new Condition(path("author"), FilterOperator.EQ, USER));
		assertThat(bind("{\"author\": {\"id\": {\"_neq\": \"$CURRENT_USER\"}}}"))
			.isEqualTo(new Condition(path("author", "id"), FilterOperator.NEQ, USER));
		assertThat(bind("{\"title\": {\"_contains\": \"$CURRENT_USER\"}}"))
			.isEqualTo(new Condition(path("title"), FilterOperator.CONTAINS, USER.toString()));
	}

	@Test
	void bindWhenCurrentRoleThenRoleKey() {
		assertThat(bind("{\"uid\": {\"_eq\": \"$CURRENT_ROLE\"}}"))
			.isEqualTo(new Condition(path("uid"), FilterOperator.EQ, ROLE));
	}

	@Test
	void bindWhenCurrentRolesOrPoliciesInListOperatorThenExpanded() {
		assertThat(bind("{\"uid\": {\"_in\": \"$CURRENT_ROLES\"}}"))
			.isEqualTo(new Condition(path("uid"), FilterOperator.IN, List.of(PARENT_ROLE, ROLE)));
		assertThat(bind("{\"uid\": {\"_nin\": [\"$CURRENT_POLICIES\", \"$CURRENT_ROLE\"]}}"))
			.isEqualTo(new Condition(path("uid"), FilterOperator.NIN, List.of(POLICY, ROLE)));
		assertThat(bind("{\"uid\": {\"_in\": [\"$CURRENT_USER\"]}}"))
			.isEqualTo(new Condition(path("uid"), FilterOperator.IN, List.of(USER)));
	}

	@Test
	void bindWhenListVariableOutsideInOrNinThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"uid\": {\"_eq\": \"$CURRENT_ROLES\"}}"),
				"\"$CURRENT_ROLES\" can only be used with \"_in\" or \"_nin\"");
		assertInvalidQuery(() -> bind("{\"views\": {\"_between\": [\"$CURRENT_POLICIES\", 1]}}"),
				"\"$CURRENT_POLICIES\" can only be used with \"_in\" or \"_nin\"");
	}

	@Test
	void bindWhenCurrentRolesThenNotMistakenForCurrentRole() {
		// Directus matches by prefix, so the longer name has to win.
		assertThat(value("{\"uid\": {\"_in\": [\"$CURRENT_ROLES\"]}}")).isEqualTo(List.of(PARENT_ROLE, ROLE));
		assertThat(value("{\"uid\": {\"_eq\": \"$CURRENT_ROLE\"}}")).isEqualTo(ROLE);
	}

	@Test
	void bindWhenVariableIsNullThenConditionMatchesNothing() {
		Or nothing = new Or(List.of());
		assertThat(bindAnonymous("{\"author\": {\"_eq\": \"$CURRENT_USER\"}}")).isEqualTo(nothing);
		assertThat(bindAnonymous("{\"author\": {\"_neq\": \"$CURRENT_USER\"}}")).isEqualTo(nothing);
		assertThat(bindAnonymous("{\"uid\": {\"_eq\": \"$CURRENT_ROLE\"}}")).isEqualTo(nothing);
		assertThat(bindAnonymous("{\"uid\": {\"_in\": [\"$CURRENT_USER\", \"0b7d2a44-6b6e-4c1d-9f3a-2f6f6c1a5e11\"]}}"))
			.isEqualTo(nothing);
		assertThat(bindAnonymous("{\"uid\": {\"_nin\": \"$CURRENT_ROLES\"}}")).isEqualTo(nothing);
		assertThat(bindAnonymous("{\"comments\": {\"_some\": {\"article\": {\"author\": \"$CURRENT_USER\"}}}}"))
			.isEqualTo(new Some(path("comments"), nothing));
		assertThat(bindAnonymous("{\"comments\": {\"_none\": {\"article\": {\"author\": \"$CURRENT_USER\"}}}}"))
			.isEqualTo(new None(path("comments"), nothing));
	}

	@Test
	void bindWhenVariableIsNullThenRowWithNullOwnerNotExposedUnlikeDirectus() {
		RowMatcher matcher = new RowMatcher();
		Map<String, @Nullable Object> ownerless = new java.util.HashMap<>();
		ownerless.put("author", null);
		BoundFilter mine = bindAnonymous("{\"author\": {\"_eq\": \"$CURRENT_USER\"}}");
		assertThat(matcher.matches(mine, TestSchema.ARTICLES, ownerless)).isFalse();
		// Only an explicit null means IS NULL.
		BoundFilter explicit = bindAnonymous("{\"author\": {\"_eq\": null}}");
		assertThat(matcher.matches(explicit, TestSchema.ARTICLES, ownerless)).isTrue();
	}

	@Test
	void bindWhenVariableFieldPathThenNotSupportedYet() {
		assertInvalidQuery(() -> bind("{\"status\": {\"_eq\": \"$CURRENT_USER.role.name\"}}"),
				"\"$CURRENT_USER.role.name\": fields of $CURRENT_USER are not supported yet");
		assertInvalidQuery(() -> bind("{\"status\": {\"_in\": [\"$CURRENT_ROLES.name\"]}}"),
				"\"$CURRENT_ROLES.name\": fields of $CURRENT_ROLES are not supported yet");
	}

	@Test
	void bindWhenUnknownVariableThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"status\": {\"_eq\": \"$CURRENT_USERS\"}}"),
				"Unknown dynamic variable \"$CURRENT_USERS\"");
		assertInvalidQuery(() -> bind("{\"status\": {\"_eq\": \"$CURRENT_TENANT\"}}"),
				"Unknown dynamic variable \"$CURRENT_TENANT\"");
	}

	@Test
	void bindWhenDollarTextIsNoVariableThenLiteral() {
		assertThat(value("{\"title\": {\"_eq\": \"$100\"}}")).isEqualTo("$100");
	}

	@Test
	void bindWhenVariableValueDoesNotFitTheFieldThenInvalidQuery() {
		assertInvalidQuery(() -> bind("{\"views\": {\"_eq\": \"$CURRENT_USER\"}}"),
				"Invalid value for \"views\": is not a number");
		assertInvalidQuery(() -> bind("{\"views\": {\"_gt\": \"$NOW\"}}"),
				"Invalid value for \"views\": is not a number");
	}

	private Instant now(String adjustment) {
		return (Instant) value("{\"published_at\": {\"_gt\": \"$NOW(" + adjustment + ")\"}}");
	}

	private BoundFilter bind(String json) {
		return bind(TestSchema.ARTICLES, json, CALLER);
	}

	private BoundFilter bindAnonymous(String json) {
		return bind(TestSchema.ARTICLES, json, ANONYMOUS);
	}

	private BoundFilter bind(CollectionSchema collection, String json, Variables variables) {
		return FilterBinder.bind(this.parser.parseFilter(MiniJson.parse(json)), collection, TestSchema.REGISTRY,
				variables);
	}

	private static FieldPath path(String... names) {
		return FieldPath.resolve(TestSchema.ARTICLES, List.of(names), TestSchema.REGISTRY);
	}

	private @Nullable Object value(String json) {
		return value(TestSchema.ARTICLES, json);
	}

	private @Nullable Object value(CollectionSchema collection, String json) {
		return ((Condition) bind(collection, json, CALLER)).value();
	}

}
