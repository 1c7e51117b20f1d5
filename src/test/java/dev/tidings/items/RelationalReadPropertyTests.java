package dev.tidings.items;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.EnforcementFixture.Grants;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.QueryParser;
import dev.tidings.query.RowMatcher;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
import jakarta.persistence.EntityManagerFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@code sort}, {@code groupBy} and {@code aggregate} reveal through relations, for
 * random read permissions on comments and their articles (row rules, including rules
 * through the relation, and field sets; articles sometimes not readable at all) and
 * random paths ({@code article}, {@code article.title}, …). The caller must learn exactly
 * what its own plain read shows: the comments it reads with {@code fields=*} (checked
 * against an in-memory evaluation of the grants) and, through each visible article key,
 * the article fields it may see on that article. So the rows come in the order of those
 * visible values, groups and aggregates are computed over them, masked values count as
 * null, and a path into anything it may not read is a 403.
 */
class RelationalReadPropertyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private static final List<String> PATHS = List.of("id", "body", "date_created", "article", "article.id",
			"article.title", "article.status", "article.views", "article.published_at");

	private static final List<String> NUMERIC = List.of("id", "article", "article.id", "article.views");

	private static final List<String> ORDERED = List.of("id", "article", "article.id", "article.views", "date_created",
			"article.published_at");

	private static final List<Instant> INSTANTS = List.of(Instant.parse("2025-01-01T00:00:00Z"),
			Instant.parse("2025-06-30T12:00:00.250Z"), Instant.parse("2026-02-03T04:05:06Z"));

	private static final List<String> STATUSES = List.of("draft", "published", "archived");

	private static @Nullable Server server;

	@Property(tries = 100, seed = "20261204")
	void sortGroupAndAggregateRevealOnlyWhatAPlainReadShows(@ForAll("scenarios") Scenario scenario) {
		server().check(scenario);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<Article> articles = Combinators
			.combine(Arbitraries.of("a", "B", "b", "é", "", "Z"), Arbitraries.of(STATUSES),
					Arbitraries.integers().between(-1, 4), Arbitraries.of(INSTANTS).injectNull(0.3))
			.as(Article::new);
		return articles.list().ofMinSize(1).ofMaxSize(5).flatMap((rows) -> {
			Arbitrary<Comment> comments = Combinators
				.combine(Arbitraries.integers().between(1, rows.size()),
						Arbitraries.of("x", "y", "Y", "ü").injectNull(0.3), Arbitraries.of(INSTANTS))
				.as(Comment::new);
			Arbitrary<List<Rule>> commentGrants = rule(
					List.of("{\"id\":{\"_gt\":%d}}", "{\"article\":{\"_eq\":%d}}", "{\"body\":{\"_nnull\":true}}",
							"{\"article\":{\"status\":{\"_eq\":\"%s\"}}}", "{\"article\":{\"views\":{\"_gte\":%d}}}"),
					List.of("id", "article", "body", "date_created"))
				.list()
				.ofMinSize(1)
				.ofMaxSize(2);
			Arbitrary<List<Rule>> articleGrants = rule(
					List.of("{\"id\":{\"_lte\":%d}}", "{\"status\":{\"_eq\":\"%s\"}}", "{\"views\":{\"_gt\":%d}}"),
					List.of("id", "title", "status", "views", "published_at", "body"))
				.list()
				.ofMaxSize(2);
			return Combinators.combine(comments.list().ofMaxSize(7), commentGrants, articleGrants, asks())
				.as((list, forComments, forArticles, ask) -> new Scenario(rows, list, forComments, forArticles, ask));
		});
	}

	/** A grant: one of the rule templates (or none) and a random set of fields. */
	private static Arbitrary<Rule> rule(List<String> templates, List<String> fields) {
		Arbitrary<@Nullable String> rules = Combinators
			.combine(Arbitraries.of(templates), Arbitraries.integers().between(0, 4), Arbitraries.of(STATUSES))
			.as((template, number, status) -> template.contains("%s") ? template.formatted(status)
					: template.formatted(number));
		Arbitrary<List<String>> granted = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of("*"))),
				net.jqwik.api.Tuple.of(4, Arbitraries.of(fields).set().ofMinSize(1).map(List::copyOf)));
		return Combinators.combine(rules.injectNull(0.3), granted).as(Rule::new);
	}

	private static Arbitrary<Ask> asks() {
		Arbitrary<Ask> sorts = Arbitraries.of(PATHS)
			.flatMap((path) -> Arbitraries.of(path, "-" + path))
			.list()
			.ofMinSize(1)
			.ofMaxSize(2)
			.map((sort) -> new Ask(sort, null, "count", "id"));
		Arbitrary<Ask> aggregates = Combinators
			.combine(Arbitraries.of(PATHS).injectNull(0.3),
					Arbitraries.of("count", "countDistinct", "min", "max", "sum", "avg"), Arbitraries.of(PATHS))
			.as((group, function, field) -> new Ask(List.of(), group, function, switch (function) {
				case "sum", "avg" -> NUMERIC.contains(field) ? field : "id";
				case "min", "max" -> ORDERED.contains(field) ? field : "article.views";
				default -> field;
			}));
		return Arbitraries.oneOf(sorts, aggregates);
	}

	@AfterContainer
	static void stop() {
		if (server != null) {
			server.context.close();
			server = null;
		}
	}

	private static synchronized Server server() {
		if (server == null) {
			server = new Server();
		}
		return server;
	}

	record Article(String title, String status, int views, @Nullable Instant publishedAt) {
	}

	record Comment(int article, @Nullable String body, Instant dateCreated) {
	}

	/** A read permission: its rule as Directus JSON (null for every row), its fields. */
	record Rule(@Nullable String rule, List<String> fields) {

		boolean lists(String field) {
			return this.fields.contains("*") || this.fields.contains(field);
		}

	}

	/**
	 * What the caller asks: a sort, or an aggregate of one field, grouped by a path or
	 * not (and always {@code count=*}).
	 */
	record Ask(List<String> sort, @Nullable String groupBy, String function, String field) {

		List<String> paths() {
			List<String> paths = new ArrayList<>(this.sort.stream().map((key) -> key.replaceFirst("^-", "")).toList());
			if (this.sort.isEmpty()) {
				if (this.groupBy != null) {
					paths.add(this.groupBy);
				}
				paths.add(this.field);
			}
			return paths;
		}

		String json() {
			Map<String, Object> query = new LinkedHashMap<>();
			query.put("limit", -1);
			if (!this.sort.isEmpty()) {
				query.put("fields", "*");
				query.put("sort", this.sort);
				return JSON.writeValueAsString(query);
			}
			// count=* goes with every other function; count of a field stands alone, as
			// both would answer under "count"
			query.put("aggregate", this.function.equals("count") ? Map.of("count", this.field)
					: Map.of("count", "*", this.function, this.field));
			if (this.groupBy != null) {
				query.put("groupBy", List.of(this.groupBy));
			}
			return JSON.writeValueAsString(query);
		}

	}

	record Scenario(List<Article> articles, List<Comment> comments, List<Rule> commentGrants, List<Rule> articleGrants,
			Ask ask) {
	}

	/**
	 * The standalone app's context with a database of its own; each try replaces the demo
	 * tables' rows and reads through an {@link ItemsService} holding the try's grants.
	 */
	private static final class Server {

		private final ConfigurableApplicationContext context;

		private final SchemaRegistry schemas;

		private final JdbcTemplate jdbc;

		private final EnforcementFixture fixture;

		Server() {
			this.context = new SpringApplicationBuilder(TidingsApplication.class)
				.run("--spring.datasource.url=jdbc:h2:mem:relational-read-property-" + UUID.randomUUID()
						+ ";DB_CLOSE_DELAY=-1", "--server.port=0");
			this.schemas = this.context.getBean(SchemaRegistry.class);
			this.jdbc = this.context.getBean(JdbcTemplate.class);
			this.fixture = new EnforcementFixture(this.context.getBean(EntityManagerFactory.class), this.schemas,
					this.context.getBean(PlatformTransactionManager.class), this.jdbc);
		}

		void check(Scenario scenario) {
			replaceRows(scenario);
			Grants grants = Grants.none();
			scenario.commentGrants()
				.forEach((rule) -> grants.with("comments", Action.READ,
						EnforcementFixture.grant(rule.rule(), String.join(",", rule.fields()))));
			scenario.articleGrants()
				.forEach((rule) -> grants.with("articles", Action.READ,
						EnforcementFixture.grant(rule.rule(), String.join(",", rule.fields()))));
			ItemsService service = this.fixture.service(grants);
			View view = new View(scenario, this.schemas);

			// the oracle is what a plain read shows
			List<Map<String, @Nullable Object>> plain = read(service, "{\"fields\":\"*\",\"limit\":-1}");
			assertThat(plain).as("plain read").containsExactlyInAnyOrderElementsOf(view.rendered());

			Ask ask = scenario.ask();
			if (ask.paths().stream().anyMatch((path) -> !view.mayRead(path))) {
				Statistics.label("ask").collect("forbidden");
				TidingsException failure = catchThrowableOfType(TidingsException.class, () -> service
					.read(EnforcementFixture.EDITOR, "comments", EnforcementFixture.query(ask.json())));
				assertThat(failure).as("a 403 for %s", ask).isNotNull();
				assertThat(failure.httpStatus()).isEqualTo(403);
				return;
			}
			List<Map<String, @Nullable Object>> answer = read(service, ask.json());
			if (!ask.sort().isEmpty()) {
				Statistics.label("ask").collect("sort");
				checkSorted(view, ask, answer);
			}
			else {
				Statistics.label("ask").collect((ask.groupBy() != null) ? "grouped aggregate" : "aggregate");
				checkAggregate(view, ask, answer);
			}
		}

		private void checkSorted(View view, Ask ask, List<Map<String, @Nullable Object>> answer) {
			assertThat(answer).as("rows of %s", ask).containsExactlyInAnyOrderElementsOf(view.rendered());
			List<List<@Nullable Object>> keys = new ArrayList<>();
			for (Map<String, @Nullable Object> item : answer) {
				keys.add(ask.sort().stream().map((key) -> view.value(item, key.replaceFirst("^-", ""))).toList());
			}
			for (int i = 1; i < keys.size(); i++) {
				assertThat(compare(keys.get(i - 1), keys.get(i), ask.sort())).as("order of %s at %d: %s", ask, i, keys)
					.isLessThanOrEqualTo(0);
			}
		}

		private void checkAggregate(View view, Ask ask, List<Map<String, @Nullable Object>> answer) {
			Map<@Nullable Object, List<Map<String, @Nullable Object>>> groups = new LinkedHashMap<>();
			for (Map<String, @Nullable Object> item : view.rendered()) {
				Object group = (ask.groupBy() != null) ? view.value(item, ask.groupBy()) : "all";
				groups.computeIfAbsent(normal(group), (key) -> new ArrayList<>()).add(item);
			}
			if (ask.groupBy() == null && groups.isEmpty()) {
				groups.put("all", List.of());
			}
			assertThat(answer).as("groups of %s", ask).hasSize(groups.size());
			List<@Nullable Object> order = new ArrayList<>();
			for (Map<String, @Nullable Object> row : answer) {
				Object group = (ask.groupBy() != null) ? normal(row.get(ask.groupBy())) : "all";
				order.add(group);
				assertThat(groups).as("groups of %s", ask).containsKey(group);
				List<Map<String, @Nullable Object>> members = groups.get(group);
				if (!ask.function().equals("count")) {
					assertThat(normal(row.get("count"))).as("count of %s in %s", group, ask)
						.isEqualTo(normal(members.size()));
				}
				List<Object> values = members.stream()
					.map((item) -> view.value(item, ask.field()))
					.filter(Objects::nonNull)
					.toList();
				Object actual = ((Map<?, ?>) row.get(ask.function())).get(ask.field());
				assertAggregate(ask, group, values, actual);
			}
			for (int i = 1; i < order.size(); i++) {
				assertThat(compareValues(order.get(i - 1), order.get(i))).as("group order of %s: %s", ask, order)
					.isLessThan(0);
			}
		}

		private static void assertAggregate(Ask ask, @Nullable Object group, List<Object> values,
				@Nullable Object actual) {
			String what = ask.function() + " of " + ask.field() + " in group " + group;
			switch (ask.function()) {
				case "count" -> assertThat(normal(actual)).as(what).isEqualTo(normal(values.size()));
				case "countDistinct" -> assertThat(normal(actual)).as(what)
					.isEqualTo(normal(values.stream().map(RelationalReadPropertyTests::normal).distinct().count()));
				case "min" -> assertThat(normal(actual)).as(what)
					.isEqualTo(values.stream().map(RelationalReadPropertyTests::normal).min(VALUES).orElse(null));
				case "max" -> assertThat(normal(actual)).as(what)
					.isEqualTo(values.stream().map(RelationalReadPropertyTests::normal).max(VALUES).orElse(null));
				case "sum" -> assertThat(normal(actual)).as(what)
					.isEqualTo(values.isEmpty() ? null
							: normal(values.stream()
								.map((value) -> new BigDecimal(value.toString()))
								.reduce(BigDecimal.ZERO, BigDecimal::add)));
				default -> {
					if (values.isEmpty()) {
						assertThat(actual).as(what).isNull();
					}
					else {
						double average = values.stream().mapToDouble((value) -> ((Number) value).doubleValue()).sum()
								/ values.size();
						assertThat(((Number) actual).doubleValue()).as(what)
							.isCloseTo(average, org.assertj.core.data.Offset.offset(1e-6));
					}
				}
			}
		}

		private List<Map<String, @Nullable Object>> read(ItemsService service, String query) {
			List<Map<String, @Nullable Object>> data = service
				.read(EnforcementFixture.EDITOR, "comments", EnforcementFixture.query(query))
				.data();
			// no related row, nor anything else that is not a plain JSON value, appears
			assertThat(JSON.writeValueAsString(data)).doesNotContain("\"title\"");
			return JSON.readValue(JSON.writeValueAsString(data), List.class);
		}

		private void replaceRows(Scenario scenario) {
			this.jdbc.update("DELETE FROM comments");
			this.jdbc.update("DELETE FROM articles");
			for (int i = 0; i < scenario.articles().size(); i++) {
				Article row = scenario.articles().get(i);
				this.jdbc.update(
						"INSERT INTO articles (id, title, body, status, views, published_at) VALUES (?, ?, ?, ?, ?, ?)",
						i + 1, row.title(), "body " + i, row.status(), row.views(),
						(row.publishedAt() != null) ? java.sql.Timestamp.from(row.publishedAt()) : null);
			}
			for (int i = 0; i < scenario.comments().size(); i++) {
				Comment row = scenario.comments().get(i);
				this.jdbc.update("INSERT INTO comments (id, article, body, date_created) VALUES (?, ?, ?, ?)", i + 1,
						row.article(), row.body(), java.sql.Timestamp.from(row.dateCreated()));
			}
		}

	}

	/**
	 * The caller's view, evaluated in memory from the grants: the comments it reads with
	 * the fields it sees on each, and what it sees of each article.
	 */
	private static final class View {

		private final Scenario scenario;

		private final CollectionSchema comments;

		private final CollectionSchema articles;

		private final RowMatcher matcher;

		private final List<@Nullable BoundFilter> commentRules = new ArrayList<>();

		private final List<@Nullable BoundFilter> articleRules = new ArrayList<>();

		private final List<Map<String, @Nullable Object>> rendered = new ArrayList<>();

		View(Scenario scenario, SchemaRegistry schemas) {
			this.scenario = scenario;
			this.comments = schemas.require("comments");
			this.articles = schemas.require("articles");
			this.matcher = new RowMatcher();
			var variables = EnforcementFixture.EDITOR.variables(Instant.now());
			for (Rule rule : scenario.commentGrants()) {
				this.commentRules.add(bind(rule, this.comments, schemas, variables));
			}
			for (Rule rule : scenario.articleGrants()) {
				this.articleRules.add(bind(rule, this.articles, schemas, variables));
			}
			for (int i = 0; i < scenario.comments().size(); i++) {
				Map<String, @Nullable Object> row = commentRow(i);
				List<Boolean> reaches = reaches(this.commentRules, this.comments, row);
				if (!reaches.contains(true)) {
					continue;
				}
				Map<String, @Nullable Object> item = new LinkedHashMap<>();
				for (String field : this.comments.fields().keySet()) {
					if (scenario.commentGrants().stream().noneMatch((grant) -> grant.lists(field))) {
						continue;
					}
					Object value = field.equals("article") ? ((Map<?, ?>) row.get("article")).get("id")
							: FieldCodec.wire(row.get(field));
					item.put(field, shown(scenario.commentGrants(), reaches, field) ? value : null);
				}
				this.rendered.add(item);
			}
		}

		private static @Nullable BoundFilter bind(Rule rule, CollectionSchema collection, SchemaRegistry schemas,
				dev.tidings.query.Variables variables) {
			return (rule.rule() != null) ? FilterBinder.bind(PARSER.parseFilter(JSON.readValue(rule.rule(), Map.class)),
					collection, schemas, variables) : null;
		}

		/** The comments as the JSON of a plain read would show them, in key order. */
		List<Map<String, @Nullable Object>> rendered() {
			return JSON.readValue(JSON.writeValueAsString(this.rendered), List.class);
		}

		/** Whether every step of the path is a field the caller may read at all. */
		boolean mayRead(String path) {
			String[] steps = path.split("\\.");
			if (this.scenario.commentGrants().stream().noneMatch((grant) -> grant.lists(steps[0]))) {
				return false;
			}
			return steps.length == 1
					|| this.scenario.articleGrants().stream().anyMatch((grant) -> grant.lists(steps[1]));
		}

		/**
		 * The value at the path as the caller's plain reads show it: the comment's own
		 * visible value, or through its visible article key the article's visible value.
		 */
		@Nullable Object value(Map<String, @Nullable Object> item, String path) {
			String[] steps = path.split("\\.");
			Object value = item.get(steps[0]);
			if (steps.length == 1 || value == null) {
				return value;
			}
			int key = ((Number) value).intValue();
			Map<String, @Nullable Object> article = articleRow(key - 1);
			List<Boolean> reaches = reaches(this.articleRules, this.articles, article);
			return shown(this.scenario.articleGrants(), reaches, steps[1]) ? FieldCodec.wire(article.get(steps[1]))
					: null;
		}

		private List<Boolean> reaches(List<@Nullable BoundFilter> rules, CollectionSchema collection,
				Map<String, @Nullable Object> row) {
			List<Boolean> reaches = new ArrayList<>();
			for (BoundFilter rule : rules) {
				reaches.add(rule == null || this.matcher.matches(rule, collection, row));
			}
			return reaches;
		}

		private static boolean shown(List<Rule> grants, List<Boolean> reaches, String field) {
			for (int g = 0; g < grants.size(); g++) {
				if (reaches.get(g) && grants.get(g).lists(field)) {
					return true;
				}
			}
			return false;
		}

		private Map<String, @Nullable Object> commentRow(int index) {
			Comment comment = this.scenario.comments().get(index);
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("id", index + 1);
			row.put("article", articleRow(comment.article() - 1));
			row.put("body", comment.body());
			row.put("user", null);
			row.put("date_created", comment.dateCreated());
			return row;
		}

		private Map<String, @Nullable Object> articleRow(int index) {
			Article article = this.scenario.articles().get(index);
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("id", index + 1);
			row.put("title", article.title());
			row.put("body", "body " + index);
			row.put("status", article.status());
			row.put("author", null);
			row.put("views", article.views());
			row.put("published_at", article.publishedAt());
			return row;
		}

	}

	/** Numbers compared by value, whatever their Java type; other values as they are. */
	private static @Nullable Object normal(@Nullable Object value) {
		return (value instanceof Number number) ? new BigDecimal(number.toString()).stripTrailingZeros() : value;
	}

	/**
	 * Values as {@code sort} orders them: numbers by value, text and timestamps (which
	 * the wire writes in one fixed-width UTC form) by code point.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static final Comparator<Object> VALUES = (left, right) -> ((Comparable) normal(left))
		.compareTo(normal(right));

	/** Ascending with nulls last. */
	private static int compareValues(@Nullable Object left, @Nullable Object right) {
		if (left == null || right == null) {
			return (left == null) ? ((right == null) ? 0 : 1) : -1;
		}
		return VALUES.compare(left, right);
	}

	private static int compare(List<@Nullable Object> left, List<@Nullable Object> right, List<String> sort) {
		for (int i = 0; i < sort.size(); i++) {
			int order = compareValues(left.get(i), right.get(i));
			if (order != 0) {
				return sort.get(i).startsWith("-") ? -order : order;
			}
		}
		return 0;
	}

}
