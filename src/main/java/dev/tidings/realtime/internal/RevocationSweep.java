package dev.tidings.realtime.internal;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks the credential of every open socket after each change to the security model,
 * on this instance or, through the cluster's invalidations, on another. A socket whose
 * user was suspended or deleted, or whose static token was changed or cleared, is told
 * {@code TOKEN_EXPIRED} as on expiry and must re-authenticate; a socket whose permissions
 * changed needs nothing, as its caller is resolved anew for every push and request.
 * <p>
 * Pushes and requests never wait for the sweep: they resolve the caller themselves and
 * find nothing for a revoked credential. The sweep is what tells the client, and what
 * keeps a revoked socket revoked when its user is re-activated before its next push.
 * Changes in quick succession share one sweep; one that arrives during a sweep starts
 * another.
 */
final class RevocationSweep implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RevocationSweep.class);

	private final Supplier<Collection<SocketSession>> sessions;

	private final SessionTimers timers;

	private final AtomicBoolean pending = new AtomicBoolean();

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1), (task) -> {
				Thread thread = new Thread(task, "tidings-ws-revocation");
				thread.setDaemon(true);
				return thread;
			});

	RevocationSweep(Supplier<Collection<SocketSession>> sessions, SessionTimers timers) {
		this.sessions = sessions;
		this.timers = timers;
	}

	/** Schedules a sweep unless one is already waiting to start. */
	void securityChanged() {
		if (!this.pending.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(this::sweep);
		}
		catch (RejectedExecutionException ex) {
			this.pending.set(false);
			logger.debug("No revocation sweep: the endpoint is closed");
		}
	}

	private void sweep() {
		this.pending.set(false);
		for (SocketSession session : this.sessions.get()) {
			try {
				if (session.isOpen()) {
					session.revokedGeneration().ifPresent((generation) -> this.timers.expire(session, generation));
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not re-check the credential of WebSocket {}", session.id(), ex);
			}
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
