package dev.tidings.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo tables as the database holds them, read around the API to compute what it
 * should answer and to check what it wrote.
 */
final class DemoRows {

	/** The last seeded keys (db/demo/content/V2__demo_content.sql). */
	static final int SEEDED_ARTICLES = 20;

	static final int SEEDED_COMMENTS = 3;

	private static final DateTimeFormatter WIRE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private DemoRows() {
	}

	/**
	 * Removes every row a test created, so that each test starts from the seed. Tests
	 * never change seeded rows.
	 */
	static void reset(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM comments WHERE id > ? OR article > ?", SEEDED_COMMENTS, SEEDED_ARTICLES);
		jdbc.update("DELETE FROM articles WHERE id > ?", SEEDED_ARTICLES);
	}

	static List<Article> articles(JdbcTemplate jdbc) {
		return jdbc.query("SELECT id, title, body, status, views, published_at FROM articles ORDER BY id",
				(rs, row) -> new Article(rs.getInt("id"), rs.getString("title"), rs.getString("body"),
						rs.getString("status"), rs.getInt("views"),
						instant(rs.getObject("published_at", OffsetDateTime.class))));
	}

	static int count(JdbcTemplate jdbc, String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	/** An instant as the API writes it: ISO-8601 UTC with milliseconds. */
	static String wire(Instant instant) {
		return (instant != null) ? WIRE_TIMESTAMP.format(instant) : null;
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	record Article(int id, String title, String body, String status, int views, Instant publishedAt) {

	}

}
