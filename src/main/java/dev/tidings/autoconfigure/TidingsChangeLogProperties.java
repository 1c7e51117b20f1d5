package dev.tidings.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change log, which records every committed change in the database, and the feed that
 * delivers them in its order on each instance.
 *
 * @param overdue how long a change may be missing from what the bus brought (a later one
 * already arrived, or the log has moved on) before it is read from the log: a publication
 * cut short by a crash, or made while Redis was away
 * @param poll how often each instance checks where the log ends, so a change nobody
 * published is still delivered
 * @param retentionEvents how many of the latest changes the log keeps; a subscription
 * resumes after any change the log still holds
 * @param retentionTime how long the log keeps a change; older ones, and those beyond
 * {@code retention-events}, are removed every {@code prune-interval}, and a cursor before
 * them is answered with a fresh {@code init}
 * @param pruneInterval how often what lies beyond retention is removed
 * @param recentInMemory how many of the latest changes each instance also keeps in
 * memory, decoded, so that a client resuming after a short disconnection is served
 * without reading the log; 0 keeps none
 */
@ConfigurationProperties("tidings.change-log")
public record TidingsChangeLogProperties(@DefaultValue("500ms") Duration overdue, @DefaultValue("1s") Duration poll,
		@DefaultValue("100000") long retentionEvents, @DefaultValue("24h") Duration retentionTime,
		@DefaultValue("1m") Duration pruneInterval, @DefaultValue("10000") int recentInMemory) {

}
