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
	 * back with each item change's sequence.
	 */
	public List<ChangeNotification> append(Connection connection, List<ChangeNotification> notifications)
			throws SQLException {
		int count = notifications.stream().mapToInt((notification) -> notification.changes().size()).sum();
		if (count == 0) {
			return notifications;
		}
		long last;
		try (PreparedStatement claim = connection
			.prepareStatement("update tidings_change_head set last_sequence = last_sequence + ? where id = 1")) {
			claim.setLong(1, count);
			claim.executeUpdate();
		}
		try (PreparedStatement head = connection
			.prepareStatement("select last_sequence from tidings_change_head where id = 1");
				ResultSet row = head.executeQuery()) {
			row.next();
			last = row.getLong(1);
		}
		long next = last - count + 1;
		Timestamp now = Timestamp.from(Instant.now());
		List<ChangeNotification> logged = new ArrayList<>(notifications.size());
		try (PreparedStatement insert = connection.prepareStatement("insert into tidings_changes "
				+ "(first_sequence, last_sequence, collection, committed_at, payload) values (?, ?, ?, ?, ?)")) {
			for (ChangeNotification notification : notifications) {
				List<ItemChange> changes = new ArrayList<>(notification.changes().size());
				for (ItemChange change : notification.changes()) {
					changes.add(change.logged(next++));
				}
				ChangeNotification numbered = new ChangeNotification(notification.collection(), changes,
						notification.committedAt());
				insert.setLong(1, changes.get(0).sequence());
				insert.setLong(2, changes.get(changes.size() - 1).sequence());
				insert.setString(3, notification.collection());
				insert.setTimestamp(4, now);
				insert.setString(5, this.codec.encode(numbered));
				insert.addBatch();
				logged.add(numbered);
			}
			insert.executeBatch();
		}
		return logged;
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
		return this.jdbc.query(
				"select payload from tidings_changes where last_sequence > ? order by first_sequence fetch first ? rows only",
				(row, index) -> this.codec.decode(row.getString(1)), sequence, limit);
	}

	/** As {@link #after(long, int)}, for one collection. */
	public List<ChangeNotification> after(long sequence, String collection, int limit) {
		return this.jdbc.query(
				"select payload from tidings_changes where collection = ? and last_sequence > ? "
						+ "order by first_sequence fetch first ? rows only",
				(row, index) -> this.codec.decode(row.getString(1)), collection, sequence, limit);
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
