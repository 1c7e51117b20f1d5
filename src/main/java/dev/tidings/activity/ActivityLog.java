package dev.tidings.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.tidings.events.Actor;
import dev.tidings.events.ChangeAudit;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an activity row for every item a transaction created, updated or deleted, and a
 * revision (the row after the change, and the fields it changed) for every create and
 * update, on the transaction's connection before it commits: one batch of activity rows,
 * then the transaction's first revision, then the others with it as their parent. Reads
 * nothing: the rows come from the change records' snapshots. The rows it writes come back
 * as changes of {@code directus_activity} and {@code directus_revisions}, so they are
 * pushed like any other; changes of those two collections are never recorded again.
 */
public final class ActivityLog implements ChangeAudit {

	static final String ACTIVITY = "directus_activity";

	static final String REVISIONS = "directus_revisions";

	private static final Set<String> OWN = Set.of(ACTIVITY, REVISIONS);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INSERT_ACTIVITY = "insert into tidings_activity "
			+ "(action, \"user\", timestamp, ip, user_agent, collection, item, origin) values (?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_REVISION = "insert into tidings_revisions "
			+ "(activity, collection, item, data, delta, parent) values (?, ?, ?, ?, ?, ?)";

	private final SchemaRegistry schemas;

	private final boolean revisions;

	private final Clock clock;

	/**
	 * @param revisions whether creates and updates also get revisions
	 */
	public ActivityLog(SchemaRegistry schemas, boolean revisions, Clock clock) {
		this.schemas = schemas;
		this.revisions = revisions;
		this.clock = clock;
	}

	@Override
	public List<ChangeNotification> record(Connection connection, List<ChangeNotification> notifications)
			throws SQLException {
		List<Entry> entries = new ArrayList<>();
		for (ChangeNotification notification : notifications) {
			if (!OWN.contains(notification.collection())) {
				for (ItemChange change : notification.changes()) {
					entries.add(new Entry(notification.collection(), change));
				}
			}
		}
		if (entries.isEmpty()) {
			return List.of();
		}
		Actor actor = notifications.get(0).actor();
		Instant now = this.clock.instant();
		List<ItemChange> activities = insertActivities(connection, entries, actor, now);
		List<ChangeNotification> written = new ArrayList<>(2);
		written.add(new ChangeNotification(ACTIVITY, activities, now, actor));
		if (this.revisions) {
			List<ItemChange> revised = insertRevisions(connection, entries, activities);
			if (!revised.isEmpty()) {
				written.add(new ChangeNotification(REVISIONS, revised, now, actor));
			}
		}
		return written;
	}

	private List<ItemChange> insertActivities(Connection connection, List<Entry> entries, Actor actor, Instant now)
			throws SQLException {
		List<ItemChange> rows = new ArrayList<>(entries.size());
		try (PreparedStatement insert = connection.prepareStatement(INSERT_ACTIVITY, new String[] { "id" })) {
			for (Entry entry : entries) {
				insert.setString(1, entry.change().type().token());
				if (actor.user() != null) {
					insert.setObject(2, actor.user());
				}
				else {
					insert.setNull(2, Types.OTHER);
				}
				insert.setTimestamp(3, Timestamp.from(now));
				insert.setString(4, actor.ip());
				insert.setString(5, actor.userAgent());
				insert.setString(6, entry.collection());
				insert.setString(7, entry.item());
				insert.setString(8, actor.origin());
				insert.addBatch();
			}
			insert.executeBatch();
			List<Integer> ids = keys(insert, entries.size());
			for (int i = 0; i < entries.size(); i++) {
				Entry entry = entries.get(i);
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("id", ids.get(i));
				row.put("action", entry.change().type().token());
				row.put("user", actor.user());
				row.put("timestamp", now);
				row.put("ip", actor.ip());
				row.put("user_agent", actor.userAgent());
				row.put("collection", entry.collection());
				row.put("item", entry.item());
				row.put("origin", actor.origin());
				rows.add(new ItemChange(ChangeType.CREATE, ids.get(i), null, row));
			}
		}
		return rows;
	}

	/**
	 * The first revision goes alone, as the others name it as their parent; no read is
	 * needed for that, only its generated key.
	 */
	private List<ItemChange> insertRevisions(Connection connection, List<Entry> entries, List<ItemChange> activities)
			throws SQLException {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			if (entry.change().type() != ChangeType.DELETE && entry.change().after() != null) {
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("activity", activities.get(i).key());
				row.put("collection", entry.collection());
				row.put("item", entry.item());
				Map<String, @Nullable Object> data = json(entry.collection(), entry.change().after());
				row.put("data", data);
				row.put("delta", (entry.change().type() == ChangeType.CREATE) ? data : delta(entry, data));
				row.put("parent", null);
				row.put("version", null);
				rows.add(row);
			}
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		List<ItemChange> revised = new ArrayList<>(rows.size());
		try (PreparedStatement insert = connection.prepareStatement(INSERT_REVISION, new String[] { "id" })) {
			bind(insert, rows.get(0));
			insert.executeUpdate();
			Integer parent = keys(insert, 1).get(0);
			revised.add(revision(parent, rows.get(0)));
			if (rows.size() > 1) {
				for (Map<String, @Nullable Object> row : rows.subList(1, rows.size())) {
					row.put("parent", parent);
					bind(insert, row);
					insert.addBatch();
				}
				insert.executeBatch();
				List<Integer> ids = keys(insert, rows.size() - 1);
				for (int i = 1; i < rows.size(); i++) {
					revised.add(revision(ids.get(i - 1), rows.get(i)));
				}
			}
		}
		return revised;
	}

	private static void bind(PreparedStatement insert, Map<String, @Nullable Object> row) throws SQLException {
		insert.setInt(1, (Integer) Objects.requireNonNull(row.get("activity")));
		insert.setString(2, (String) row.get("collection"));
		insert.setString(3, (String) row.get("item"));
		insert.setString(4, JSON.writeValueAsString(row.get("data")));
		insert.setString(5, JSON.writeValueAsString(row.get("delta")));
		if (row.get("parent") instanceof Integer parent) {
			insert.setInt(6, parent);
		}
		else {
			insert.setNull(6, Types.INTEGER);
		}
	}

	private static ItemChange revision(Integer id, Map<String, @Nullable Object> row) {
		Map<String, @Nullable Object> stored = new LinkedHashMap<>();
		stored.put("id", id);
		stored.putAll(row);
		return new ItemChange(ChangeType.CREATE, id, null, stored);
	}

	private static List<Integer> keys(PreparedStatement insert, int expected) throws SQLException {
		List<Integer> ids = new ArrayList<>(expected);
		try (ResultSet keys = insert.getGeneratedKeys()) {
			while (keys.next()) {
				ids.add(keys.getInt(1));
			}
		}
		if (ids.size() != expected) {
			throw new SQLException("Expected " + expected + " generated keys of activity rows, got " + ids.size());
		}
		return ids;
	}

	/**
	 * A snapshot's values as JSON, through each field's codec, as a read would show them.
	 * The empty one-to-many aliases of a created item's snapshot are left out: a revision
	 * holds the row, and reverting to one must not detach the children added since.
	 */
	private Map<String, @Nullable Object> json(String collection, Map<String, @Nullable Object> snapshot) {
		CollectionSchema schema = this.schemas.find(collection).orElse(null);
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		snapshot.forEach((field, value) -> {
			FieldSchema described = (schema != null) ? schema.field(field).orElse(null) : null;
			if (described == null) {
				json.put(field, FieldCodec.wire(value));
			}
			else if (!described.isToMany()) {
				json.put(field, described.codec().toJson(value));
			}
		});
		return json;
	}

	/** The fields whose value the change set differently from what the row held. */
	private static Map<String, @Nullable Object> delta(Entry entry, Map<String, @Nullable Object> data) {
		Map<String, @Nullable Object> before = entry.change().before();
		Map<String, @Nullable Object> after = Objects.requireNonNull(entry.change().after());
		Map<String, @Nullable Object> delta = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			if (before == null || !before.containsKey(field) || !Objects.equals(before.get(field), value)) {
				delta.put(field, data.get(field));
			}
		});
		return delta;
	}

	/** One changed item of a recorded collection. */
	private record Entry(String collection, ItemChange change) {

		String item() {
			Object key = this.change.key();
			return (key instanceof Map<?, ?> composite) ? JSON.writeValueAsString(composite)
					: String.valueOf(FieldCodec.wire(key));
		}

	}

}
