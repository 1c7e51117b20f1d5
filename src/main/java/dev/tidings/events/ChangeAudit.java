package dev.tidings.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a record of a transaction's changes inside that transaction, after its last
 * flush and before its commit, on its own connection: the record commits if and only if
 * the changes do. Whatever rows it writes to collections of its own come back as
 * notifications, which join the transaction's, so they are logged and pushed like any
 * change. Must not read per change: it runs on every writing transaction.
 */
@FunctionalInterface
public interface ChangeAudit {

	/**
	 * @param connection the committing transaction's connection
	 * @param notifications the transaction's changes, one notification per collection,
	 * each with its actor
	 * @return the changes the audit itself made, one notification per collection; empty
	 * if none
	 * @throws SQLException to fail the commit: a change that cannot be recorded must not
	 * happen
	 */
	List<ChangeNotification> record(Connection connection, List<ChangeNotification> notifications) throws SQLException;

}
