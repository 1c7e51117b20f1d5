package dev.tidings.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log of committed changes, in the application's database. A transaction's changes
 * are appended on its own connection just before it commits, so they are recorded if and
 * only if the write is: a crash after the commit loses no change, only its delivery,
 * which the log lets anyone complete. Sequences are handed out by one head row whose lock
 * the transaction keeps until it commits, so a transaction that commits later always gets
 * higher sequences, and a reader that saw sequence n has seen every change up to n.
 */
public final class ChangeLog {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final NotificationCodec codec;

	private final Retention retention;

	private volatile String epoch;

	/**
	 * @param retention what the log keeps: a cursor before it is not honoured, and
	 * {@link #prune} removes what lies beyond it
	 */
	public ChangeLog(DataSource dataSource, NotificationCodec codec, Retention retention) {
		this.retention = retention;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.codec = codec;
	}

	/**
	 * Records a committing transaction's notifications on its connection, and gives them
	 * back with each item change's sequence. The payloads are encoded before the head row
	 * is locked, and the claim is one statement, so the lock, which every writing
	 * transaction waits for, is held for little more than the insert and the commit.
	 */
	public List<ChangeNotification> append(Connection connection, List<ChangeNotification> notifications)
			throws SQLException {
		int count = notifications.stream().mapToInt((notification) -> notification.changes().size()).sum();
		if (count == 0) {
			return notifications;
		}
		List<String> payloads = new ArrayList<>(notifications.size());
		for (ChangeNotification notification : notifications) {
			payloads.add(this.codec.encode(notification));
		}
		long next = claim(connection, count) - count + 1;
		Timestamp now = Timestamp.from(Instant.now());
		List<ChangeNotification> logged = new ArrayList<>(notifications.size());
		try (PreparedStatement insert = connection.prepareStatement("insert into tidings_changes "
				+ "(first_sequence, last_sequence, collection, committed_at, payload) values (?, ?, ?, ?, ?)")) {
			for (int i = 0; i < notifications.size(); i++) {
				ChangeNotification numbered = numbered(notifications.get(i), next);
				next += numbered.changes().size();
				insert.setLong(1, numbered.changes().get(0).sequence());
				insert.setLong(2, next - 1);
				insert.setString(3, numbered.collection());
				insert.setTimestamp(4, now);
				insert.setString(5, payloads.get(i));
				insert.addBatch();
				logged.add(numbered);
			}
			insert.executeBatch();
		}
		return logged;
	}

	/**
	 * Takes the next {@code count} sequences: the update locks the head row until the
	 * transaction ends, and gives back the last sequence taken.
	 */
	private static long claim(Connection connection, int count) throws SQLException {
		try (PreparedStatement claim = connection.prepareStatement(
				"update tidings_change_head set last_sequence = last_sequence + ? where id = 1",
				new String[] { "last_sequence" })) {
			claim.setLong(1, count);
			claim.executeUpdate();
			try (ResultSet row = claim.getGeneratedKeys()) {
				if (!row.next()) {
					throw new SQLException("The change log's head row is missing");
				}
				return row.getLong(1);
			}
		}
	}

	/**
	 * The notification with its changes at their places in the log, from the first
	 * sequence on: a payload does not carry them, as it is encoded before they are known.
	 */
	private static ChangeNotification numbered(ChangeNotification notification, long first) {
		List<ItemChange> changes = new ArrayList<>(notification.changes().size());
		long sequence = first;
		for (ItemChange change : notification.changes()) {
			changes.add(change.logged(sequence++));
		}
		return notification.withChanges(changes);
	}

	/**
	 * Records changes that were committed outside any transaction (auto-commit), in a
	 * transaction of their own.
	 */
	public List<ChangeNotification> appendAlone(List<ChangeNotification> notifications) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				List<ChangeNotification> logged = append(connection, notifications);
				connection.commit();
				return logged;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not log changes made outside a transaction", ex);
		}
	}

	/** The log's epoch, which every cursor names. */
	public String epoch() {
		String known = this.epoch;
		if (known == null) {
			known = this.jdbc.queryForObject("select epoch from tidings_change_head where id = 1", String.class);
			this.epoch = known;
		}
		return known;
	}

	/** The sequence of the last committed change. */
	public long last() {
		Long last = this.jdbc.queryForObject("select last_sequence from tidings_change_head where id = 1", Long.class);
		return (last != null) ? last : 0;
	}

	/** The cursor of a sequence of this log. */
	public Cursor cursor(long sequence) {
		return new Cursor(epoch(), sequence);
	}

	/**
	 * The logged notifications holding changes after the given sequence, in order, up to
	 * the limit of rows.
	 */
	public List<ChangeNotification> after(long sequence, int limit) {
		return this.jdbc.query("select first_sequence, payload from tidings_changes where last_sequence > ? "
				+ "order by first_sequence fetch first ? rows only", this::read, sequence, limit);
	}

	/** As {@link #after(long, int)}, for one collection. */
	public List<ChangeNotification> after(long sequence, String collection, int limit) {
		return this.jdbc.query(
				"select first_sequence, payload from tidings_changes where collection = ? "
						+ "and last_sequence > ? order by first_sequence fetch first ? rows only",
				this::read, collection, sequence, limit);
	}

	private ChangeNotification read(ResultSet row, int index) throws SQLException {
		return numbered(this.codec.decode(row.getString(2)), row.getLong(1));
	}

	/**
	 * The lowest sequence after which the log holds every change within retention: a
	 * cursor below it points into what retention removes, whether or not it has yet.
	 */
	public long horizon() {
		long last = last();
		Long first = this.jdbc.queryForObject("select min(first_sequence) from tidings_changes", Long.class);
		return Math.max((first != null) ? first - 1 : last, last - this.retention.events());
	}

	/**
	 * Removes what lies beyond retention: changes more than its number of events behind
	 * the end, and changes older than its time.
	 * @return the rows removed
	 */
	public int prune() {
		return this.jdbc.update("delete from tidings_changes where last_sequence <= ? or committed_at < ?",
				last() - this.retention.events(), Timestamp.from(Instant.now().minus(this.retention.time())));
	}

	/**
	 * What the log keeps.
	 *
	 * @param events how many of the latest changes
	 * @param time how long
	 */
	public record Retention(long events, Duration time) {
	}

}
