package dev.tidings.realtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's clock work on one daemon thread: the handshake deadline, token expiry
 * with its re-authentication deadline, and the heartbeat (docs/protocol.md, "Heartbeat
 * and token expiry"). Timers only send small frames and close sockets; they never touch
 * the database.
 */
public final class SessionTimers {

	private static final Logger logger = LoggerFactory.getLogger(SessionTimers.class);

	private volatile @Nullable ScheduledFuture<?> heartbeat;

	private final ScheduledExecutorService scheduler;

	private final Clock clock;

	private final Duration authTimeout;

	private final ProtocolCodec codec;

	public SessionTimers(Clock clock, Duration authTimeout, ProtocolCodec codec) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "tidings-websocket-timers");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.scheduler = executor;
		this.clock = clock;
		this.authTimeout = authTimeout;
		this.codec = codec;
	}

	/**
	 * Closes a handshake-mode socket that has not authenticated within the timeout.
	 */
	void armHandshake(SocketSession session) {
		session.setTimer(schedule(this.authTimeout, () -> {
			if (session.inHandshake() && session.isOpen()) {
				session.reply(Errors.handshakeFailed());
				session.close(CloseReasons.HANDSHAKE_FAILED);
			}
		}));
	}

	/**
	 * Arms the expiry of the session's current identity: when its token expires the
	 * client is told {@code TOKEN_EXPIRED} and has the auth timeout to send {@code auth}.
	 */
	void armExpiry(SocketSession session, int generation) {
		Identity identity = session.identity();
		Instant expires = (identity != null) ? identity.expires() : null;
		if (expires == null) {
			return;
		}
		Duration wait = Duration.between(this.clock.instant(), expires);
		session.setTimer(schedule(wait.isNegative() ? Duration.ZERO : wait, () -> expire(session, generation)));
	}

	/**
	 * Ends the identity of that generation, unless the socket re-authenticated since:
	 * {@code TOKEN_EXPIRED}, then the auth timeout to send {@code auth}. Used when the
	 * token expires and when its credential is revoked.
	 */
	void expire(SocketSession session, int generation) {
		if (!session.isOpen() || !session.expire(generation)) {
			return;
		}
		int authFrames = session.authFrames();
		session.reply(Errors.tokenExpired());
		int expired = session.generation();
		session.setTimer(schedule(this.authTimeout, () -> {
			if (session.isOpen() && session.authFrames() == authFrames && session.generation() == expired) {
				session.reply(Errors.authTimeout());
				if (!session.publicFallback()) {
					session.close(CloseReasons.AUTH_TIMEOUT);
				}
			}
		}));
	}

	/**
	 * Every period, pings each served socket and closes those that said nothing since the
	 * previous ping.
	 */
	void startHeartbeat(Duration period, Supplier<Collection<SocketSession>> sessions) {
		String ping = this.codec.encode(new ServerMessage.Ping());
		this.heartbeat = this.scheduler.scheduleAtFixedRate(() -> {
			// a socket younger than a period is left alone: a ping could otherwise reach
			// it
			// before the answer to its opening auth, which the SDK requires to come first
			Instant youngest = this.clock.instant().minus(period);
			for (SocketSession session : sessions.get()) {
				try {
					if (session.inHandshake() || !session.isOpen() || !session.openedBefore(youngest)) {
						continue;
					}
					if (session.heartbeat()) {
						session.send(ping);
					}
					else {
						session.close(CloseReasons.HEARTBEAT);
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Heartbeat failed for WebSocket {}", session.id(), ex);
				}
			}
		}, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops the heartbeat; it starts again with the endpoint. */
	void stopHeartbeat() {
		ScheduledFuture<?> running = this.heartbeat;
		if (running != null) {
			running.cancel(false);
		}
	}

	void shutdown() {
		this.scheduler.shutdownNow();
	}

	private ScheduledFuture<?> schedule(Duration delay, Runnable task) {
		return this.scheduler.schedule(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("A WebSocket timer failed", ex);
			}
		}, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

}
