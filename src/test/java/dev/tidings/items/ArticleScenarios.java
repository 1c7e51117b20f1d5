package dev.tidings.items;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.tidings.items.differential.ProbeData;
import dev.tidings.items.differential.ProbeFilters;
import dev.tidings.schema.CollectionSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random articles and read permissions for the property tests that compare what callers
 * read (REST, pushes) with what the in-memory evaluator admits.
 */
public final class ArticleScenarios {

	public static final List<String> FIELDS = List.of("id", "title", "body", "status", "author", "views",
			"published_at");

	/**
	 * Offsets of generated timestamps from the start of the run: each is at least ten
	 * minutes away from every {@code $NOW(…)} the rules use, so the few seconds between
	 * the server's clock and the test's never change an answer.
	 */
	private static final List<Duration> OFFSETS = List.of(Duration.ofDays(-400), Duration.ofDays(-10),
			Duration.ofDays(-3), Duration.ofHours(-50), Duration.ofMinutes(-90), Duration.ofMinutes(-10),
			Duration.ofMinutes(30), Duration.ofDays(2), Duration.ofDays(40));

	private ArticleScenarios() {
	}

	/**
	 * Articles whose author is often the given user, so {@code $CURRENT_USER} rules bite.
	 */
	public static Arbitrary<Article> articles(UUID user) {
		Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return Combinators.combine(ProbeData.strings().filter(Objects::nonNull), ProbeData.strings(),
				Arbitraries.of("draft", "published", "archived"),
				Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(2, Arbitraries.just(user)),
						Tuple.of(1, Arbitraries.of(ProbeData.UUIDS))),
				Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0, Integer.MAX_VALUE, -1)),
						Tuple.of(4, Arbitraries.integers().between(-3, 500))),
				Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)),
						Tuple.of(4, Arbitraries.of(OFFSETS).map(base::plus))))
			.as(Article::new);
	}

	/** The filter operands over the articles' fields, with values taken from the rows. */
	public static List<ProbeFilters.Operand> operands(CollectionSchema articles, List<Article> rows) {
		return FIELDS.stream()
			.map((field) -> new ProbeFilters.Operand(field, articles.requireField(field).type(),
					rows.stream().map((row) -> row.values().get(field)).filter(Objects::nonNull).distinct().toList(),
					pool(field)))
			.toList();
	}

	/**
	 * Read permissions of one of two policies: random filters, {@code $CURRENT_USER} and
	 * {@code $NOW} rules, every row, and random field sets.
	 */
	public static Arbitrary<Grant> grants(List<ProbeFilters.Operand> operands) {
		Arbitrary<@Nullable Map<String, @Nullable Object>> rules = Arbitraries.frequencyOf(
				Tuple.of(10, ProbeFilters.filters(operands)),
				Tuple.of(1, Arbitraries.just(Map.of("author", Map.of("_eq", "$CURRENT_USER")))),
				Tuple.of(1,
						Arbitraries.of("$NOW", "$NOW(-1 day)", "$NOW(-7 days)", "$NOW(+1 day)")
							.map((now) -> Map.of("published_at", Map.of("_lte", now)))),
				Tuple.of(1, Arbitraries.of(Map.of())), Tuple.of(1, Arbitraries.just(null)));
		Arbitrary<List<String>> fields = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of("*"))),
				Tuple.of(5, Arbitraries.subsetOf(FIELDS).map(List::copyOf)));
		return Combinators.combine(Arbitraries.integers().between(0, 1), rules, fields).as(Grant::new);
	}

	/**
	 * An article's row as the events module snapshots it: API names, Java values.
	 */
	public static Map<String, @Nullable Object> snapshot(JdbcTemplate jdbc, int id) {
		return jdbc.queryForObject("SELECT * FROM articles WHERE id = ?", (rs, row) -> {
			Map<String, @Nullable Object> snapshot = new LinkedHashMap<>();
			snapshot.put("id", rs.getInt("id"));
			snapshot.put("title", rs.getString("title"));
			snapshot.put("body", rs.getString("body"));
			snapshot.put("status", rs.getString("status"));
			snapshot.put("author", rs.getObject("author", UUID.class));
			snapshot.put("views", rs.getInt("views"));
			OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
			snapshot.put("published_at", (published != null) ? published.toInstant() : null);
			return snapshot;
		}, id);
	}

	private static Arbitrary<Object> pool(String field) {
		return switch (field) {
			case "id", "views" -> Arbitraries.integers().between(-1, 30).map(Object.class::cast);
			case "author" -> Arbitraries.of(ProbeData.UUIDS).map(Object.class::cast);
			case "published_at" ->
				Arbitraries.of(Instant.EPOCH, Instant.parse("2024-02-29T23:59:59.999Z")).map(Object.class::cast);
			default -> ProbeData.strings().filter((text) -> text != null && !text.isEmpty()).map(Object.class::cast);
		};
	}

	/** An article as the tests insert it. */
	public record Article(String title, @Nullable String body, String status, @Nullable UUID author, int views,
			@Nullable Instant publishedAt) {

		/** The row's values by API name, without the key. */
		public Map<String, @Nullable Object> values() {
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			values.put("title", this.title);
			values.put("body", this.body);
			values.put("status", this.status);
			values.put("author", this.author);
			values.put("views", this.views);
			values.put("published_at", this.publishedAt);
			return values;
		}

	}

	/**
	 * One read permission: which of the two policies holds it, its rule as JSON (null for
	 * none) and its fields.
	 */
	public record Grant(int policy, @Nullable Map<String, @Nullable Object> rule, List<String> fields) {

	}

}
