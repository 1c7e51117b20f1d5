package dev.tidings.realtime.internal;

import dev.tidings.items.ArticleScenarios;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes demo articles with plain SQL and snapshots them as the events module does (API
 * names to Java values, read back from the database), so a test can commit a change and
 * hand the dispatcher the notification the commit would have produced.
 */
record ArticleRows(JdbcTemplate jdbc) {

	static final int SEEDED = 20;

	void reset() {
		this.jdbc.update("DELETE FROM comments WHERE id > 3 OR article > ?", SEEDED);
		this.jdbc.update("DELETE FROM articles WHERE id > ?", SEEDED);
	}

	int insert(String title, String status) {
		return insert(Map.of("title", title, "status", status));
	}

	/**
	 * Inserts an article with the given API values (title required) and returns its key.
	 */
	int insert(Map<String, ?> values) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("body", null);
		row.put("status", "draft");
		row.put("author", null);
		row.put("views", 0);
		row.put("published_at", null);
		row.putAll(values);
		this.jdbc.update(
				"INSERT INTO articles (title, body, status, author, views, published_at) VALUES (?, ?, ?, ?, ?, ?)",
				row.get("title"), row.get("body"), row.get("status"), row.get("author"), row.get("views"),
				timestamp(row.get("published_at")));
		return this.jdbc.queryForObject("SELECT MAX(id) FROM articles", Integer.class);
	}

	void update(int key, Map<String, ?> values) {
		values.forEach((field, value) -> this.jdbc.update("UPDATE articles SET " + field + " = ? WHERE id = ?",
				timestamp(value), key));
	}

	void delete(int key) {
		this.jdbc.update("DELETE FROM articles WHERE id = ?", key);
	}

	Map<String, @Nullable Object> snapshot(int key) {
		return ArticleScenarios.snapshot(this.jdbc, key);
	}

	/** Creates the article and returns the change the commit produces. */
	ItemChange created(String title, String status) {
		int key = insert(title, status);
		return new ItemChange(ChangeType.CREATE, key, null, snapshot(key));
	}

	ItemChange updated(int key, Map<String, ?> values) {
		Map<String, @Nullable Object> before = snapshot(key);
		update(key, values);
		return new ItemChange(ChangeType.UPDATE, key, before, snapshot(key));
	}

	ItemChange deleted(int key) {
		Map<String, @Nullable Object> before = snapshot(key);
		delete(key);
		return new ItemChange(ChangeType.DELETE, key, before, null);
	}

	static ChangeNotification notification(ItemChange... changes) {
		return new ChangeNotification("articles", List.of(changes), Instant.now());
	}

	private static @Nullable Object timestamp(@Nullable Object value) {
		return (value instanceof Instant instant) ? java.sql.Timestamp.from(instant) : value;
	}

}
