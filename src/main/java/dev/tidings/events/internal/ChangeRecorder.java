package dev.tidings.events.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

import dev.tidings.events.Actor;
import dev.tidings.events.ActorSource;
import dev.tidings.events.ChangeAudit;
import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeLog;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ItemChange;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each change in the {@link ChangeSet} of the transaction that will commit it,
 * appends the set to the {@link ChangeLog} inside that transaction, just before it
 * commits (after Hibernate's last flush, on the same connection, so the log holds a
 * change if and only if the write committed), and hands the logged notifications to the
 * bus once the commit has happened, never before and never after a rollback.
 * <ul>
 * <li>The session of the current Spring transaction (the usual case: a repository, the
 * shared entity manager, our items service): the set is a transaction resource with a
 * {@link TransactionSynchronization} that publishes in {@code afterCommit}, when the
 * commit is visible to every connection. It follows Spring's suspension, so a
 * {@code REQUIRES_NEW} transaction commits and publishes on its own.</li>
 * <li>Any other session in a transaction (an entity manager the host drives itself, or
 * JTA without Spring): the set is published by a Hibernate after-completion callback of
 * that session, which runs after the commit.</li>
 * <li>No transaction at all (auto-commit, only possible when the host allows updates
 * outside transactions): each statement is already committed when its event fires, so the
 * change is logged in a transaction of its own and published at once.</li>
 * </ul>
 * Every notification carries the actor the {@link ActorSource} names at the transaction's
 * first write. Before the log, the {@link ChangeAudit} (the activity log) records the
 * changes on the same connection; the changes it writes join the transaction's, so they
 * are logged and published with them. Writes outside any transaction are not audited.
 */
public final class ChangeRecorder {

	private static final Logger logger = LoggerFactory.getLogger(ChangeRecorder.class);

	private final EntityManagerFactory entityManagerFactory;

	private final ChangeBus bus;

	private final @Nullable ChangeLog log;

	private final ActorSource actors;

	private final @Nullable ChangeAudit audit;

	private final Function<String, Map<String, String>> oneToMany;

	/** Changes of sessions outside Spring, until their transaction completes. */
	private final Map<SharedSessionContractImplementor, Pending> sessions = Collections
		.synchronizedMap(new WeakHashMap<>());

	/**
	 * @param log where committed changes are recorded, or null to publish them from
	 * memory only
	 */
	public ChangeRecorder(EntityManagerFactory entityManagerFactory, ChangeBus bus, @Nullable ChangeLog log) {
		this(entityManagerFactory, bus, log, ActorSource.SYSTEM, null, (collection) -> Map.of());
	}

	/**
	 * @param log where committed changes are recorded, or null to publish them from
	 * memory only
	 * @param actors who makes the changes of the current thread's transaction, asked once
	 * per transaction
	 * @param audit what else records a transaction's changes before it commits (the
	 * activity log), or null
	 * @param oneToMany a collection's one-to-many aliases whose children hold the foreign
	 * key, each with the children's collection: created items carry them empty when the
	 * transaction wrote no child (see {@link ChangeSet})
	 */
	public ChangeRecorder(EntityManagerFactory entityManagerFactory, ChangeBus bus, @Nullable ChangeLog log,
			ActorSource actors, @Nullable ChangeAudit audit, Function<String, Map<String, String>> oneToMany) {
		this.entityManagerFactory = entityManagerFactory;
		this.bus = bus;
		this.log = log;
		this.actors = actors;
		this.audit = audit;
		this.oneToMany = oneToMany;
	}

	public void record(SharedSessionContractImplementor session, String collection, ItemChange change) {
		if (isSpringTransaction(session)) {
			springTransaction().add(session, collection, change);
		}
		else if (session.isTransactionInProgress()) {
			sessionChanges(session).add(session, collection, change);
		}
		else {
			ChangeSet committed = new ChangeSet();
			committed.add(collection, change);
			Actor actor = this.actors.current();
			publish(logAlone(by(actor, committed.notifications(Instant.now(), this.oneToMany))));
		}
	}

	/**
	 * Whether the session is the one Spring bound to its current transaction for our
	 * entity manager factory, so that Spring's commit is the one that counts.
	 */
	private boolean isSpringTransaction(SharedSessionContractImplementor session) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		return TransactionSynchronizationManager
			.getResource(this.entityManagerFactory) instanceof EntityManagerHolder holder
				&& holder.getEntityManager().unwrap(SharedSessionContractImplementor.class) == session;
	}

	private Pending springTransaction() {
		if (TransactionSynchronizationManager.getResource(this) instanceof SpringTransaction transaction) {
			return transaction.pending;
		}
		SpringTransaction transaction = new SpringTransaction();
		TransactionSynchronizationManager.bindResource(this, transaction);
		TransactionSynchronizationManager.registerSynchronization(transaction);
		return transaction.pending;
	}

	private Pending sessionChanges(SharedSessionContractImplementor session) {
		return this.sessions.computeIfAbsent(session, (owner) -> {
			Pending pending = new Pending();
			owner.getTransactionCompletionCallbacks()
				.registerCallback((AfterCompletionCallback) (success, completed) -> {
					this.sessions.remove(owner);
					if (success) {
						publish(pending.committed());
					}
				});
			return pending;
		});
	}

	/** Logs a change made outside any transaction, in a transaction of its own. */
	private List<ChangeNotification> logAlone(List<ChangeNotification> notifications) {
		if (this.log == null) {
			return notifications;
		}
		try {
			return this.log.appendAlone(notifications);
		}
		catch (RuntimeException ex) {
			logger.error("Could not log {} change(s) made outside a transaction; they are published unlogged",
					notifications.size(), ex);
			return notifications;
		}
	}

	/**
	 * Hands each notification to the bus. The transaction has committed by now, so now is
	 * its commit time. A failing bus is logged and must neither fail the writer nor stop
	 * the other collections.
	 */
	private void publish(List<ChangeNotification> notifications) {
		Instant committedAt = Instant.now();
		for (ChangeNotification notification : notifications) {
			try {
				this.bus.publish(notification.at(committedAt));
			}
			catch (RuntimeException ex) {
				logger.error("Could not publish {} committed change(s) to {}", notification.changes().size(),
						notification.collection(), ex);
			}
		}
	}

	private static List<ChangeNotification> by(Actor actor, List<ChangeNotification> notifications) {
		return actor.isSystem() ? notifications
				: notifications.stream().map((notification) -> notification.by(actor)).toList();
	}

	/**
	 * The changes of one transaction and who makes them, and, once its last flush is
	 * done, the same changes as logged with their sequences, with those the audit added.
	 */
	private final class Pending {

		private final ChangeSet changes = new ChangeSet();

		private @Nullable Actor actor;

		private @Nullable List<ChangeNotification> logged;

		private boolean logs;

		void add(SharedSessionContractImplementor session, String collection, ItemChange change) {
			if (this.actor == null) {
				// the first write's caller: a transaction is one request's or one job's
				this.actor = ChangeRecorder.this.actors.current();
			}
			this.changes.add(collection, change);
			if (!this.logs && (ChangeRecorder.this.log != null || ChangeRecorder.this.audit != null)) {
				this.logs = true;
				session.getTransactionCompletionCallbacks()
					.registerCallback((BeforeCompletionCallback) this::logBeforeCommit);
			}
		}

		/**
		 * Runs after Hibernate's last flush of the transaction and before its commit; a
		 * failure here fails the commit, as the write cannot be recorded.
		 */
		private void logBeforeCommit(SharedSessionContractImplementor session) {
			List<ChangeNotification> notifications = notifications();
			if (notifications.isEmpty()) {
				return;
			}
			this.logged = session.doReturningWork((connection) -> {
				try {
					List<ChangeNotification> all = notifications;
					ChangeAudit audit = ChangeRecorder.this.audit;
					if (audit != null) {
						all = new ArrayList<>(notifications);
						all.addAll(audit.record(connection, notifications));
					}
					ChangeLog log = ChangeRecorder.this.log;
					return (log != null) ? log.append(connection, all) : all;
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not log the transaction's changes", ex);
				}
			});
		}

		private List<ChangeNotification> notifications() {
			Actor who = (this.actor != null) ? this.actor : Actor.SYSTEM;
			return by(who, this.changes.notifications(Instant.now(), ChangeRecorder.this.oneToMany));
		}

		List<ChangeNotification> committed() {
			return (this.logged != null) ? this.logged : notifications();
		}

	}

	/** The changes of one Spring transaction, published after it commits. */
	private final class SpringTransaction implements TransactionSynchronization {

		private final Pending pending = new Pending();

		private final Map<Object, ChangeSet> savepoints = new IdentityHashMap<>();

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(ChangeRecorder.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(ChangeRecorder.this, this);
		}

		@Override
		public void savepoint(Object savepoint) {
			this.savepoints.put(savepoint, this.pending.changes.copy());
		}

		/**
		 * A nested transaction rolled back: its writes never happened. A savepoint taken
		 * before this set existed saw no changes.
		 */
		@Override
		public void savepointRollback(Object savepoint) {
			this.pending.changes.restore(this.savepoints.getOrDefault(savepoint, new ChangeSet()));
		}

		@Override
		public void afterCommit() {
			publish(this.pending.committed());
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(ChangeRecorder.this);
		}

	}

}
