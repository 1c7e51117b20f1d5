package dev.tidings.events.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ItemChange;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each change in the {@link ChangeSet} of the transaction that will commit it and
 * hands that set's notifications to the bus once the commit has happened, never before
 * and never after a rollback.
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
 * change is published at once.</li>
 * </ul>
 */
public final class ChangeRecorder {

	private static final Logger logger = LoggerFactory.getLogger(ChangeRecorder.class);

	private final EntityManagerFactory entityManagerFactory;

	private final ChangeBus bus;

	/** Sets of sessions outside Spring, until their transaction completes. */
	private final Map<SharedSessionContractImplementor, ChangeSet> sessions = Collections
		.synchronizedMap(new WeakHashMap<>());

	public ChangeRecorder(EntityManagerFactory entityManagerFactory, ChangeBus bus) {
		this.entityManagerFactory = entityManagerFactory;
		this.bus = bus;
	}

	public void record(SharedSessionContractImplementor session, String collection, ItemChange change) {
		if (isSpringTransaction(session)) {
			springChanges().add(collection, change);
		}
		else if (session.isTransactionInProgress()) {
			sessionChanges(session).add(collection, change);
		}
		else {
			ChangeSet committed = new ChangeSet();
			committed.add(collection, change);
			publish(committed);
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

	private ChangeSet springChanges() {
		if (TransactionSynchronizationManager.getResource(this) instanceof SpringTransaction transaction) {
			return transaction.changes;
		}
		SpringTransaction transaction = new SpringTransaction();
		TransactionSynchronizationManager.bindResource(this, transaction);
		TransactionSynchronizationManager.registerSynchronization(transaction);
		return transaction.changes;
	}

	private ChangeSet sessionChanges(SharedSessionContractImplementor session) {
		return this.sessions.computeIfAbsent(session, (owner) -> {
			ChangeSet changes = new ChangeSet();
			owner.getTransactionCompletionCallbacks()
				.registerCallback((AfterCompletionCallback) (success, completed) -> {
					this.sessions.remove(owner);
					if (success) {
						publish(changes);
					}
				});
			return changes;
		});
	}

	/**
	 * Hands each notification to the bus. The transaction has committed by now, so now is
	 * its commit time. A failing bus is logged and must neither fail the writer nor stop
	 * the other collections.
	 */
	private void publish(ChangeSet changes) {
		List<ChangeNotification> notifications = changes.notifications(Instant.now());
		for (ChangeNotification notification : notifications) {
			try {
				this.bus.publish(notification);
			}
			catch (RuntimeException ex) {
				logger.error("Could not publish {} committed change(s) to {}", notification.changes().size(),
						notification.collection(), ex);
			}
		}
	}

	/** The change set of one Spring transaction, published after it commits. */
	private final class SpringTransaction implements TransactionSynchronization {

		private final ChangeSet changes = new ChangeSet();

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
			this.savepoints.put(savepoint, this.changes.copy());
		}

		/**
		 * A nested transaction rolled back: its writes never happened. A savepoint taken
		 * before this set existed saw no changes.
		 */
		@Override
		public void savepointRollback(Object savepoint) {
			this.changes.restore(this.savepoints.getOrDefault(savepoint, new ChangeSet()));
		}

		@Override
		public void afterCommit() {
			publish(this.changes);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(ChangeRecorder.this);
		}

	}

}
