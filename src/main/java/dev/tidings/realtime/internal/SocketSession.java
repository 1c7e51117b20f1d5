package dev.tidings.realtime.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.realtime.RealtimeMetrics;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Accountability;
import dev.tidings.security.Sessions;
import jakarta.websocket.RemoteEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One connected client: the only object that writes to its socket (through a
 * {@link ConcurrentWebSocketSessionDecorator}, so a client that stops reading is cut off
 * instead of slowing anyone), and its authentication state. The identity holds a user id,
 * the token's expiry and a static token's digest; {@link #caller()} resolves the caller
 * through the security cache each time and checks the expiry, so no push reaches an
 * expired, suspended or deleted user, nor the holder of a changed static token.
 */
public final class SocketSession implements ClientSession {

	private static final Logger logger = LoggerFactory.getLogger(SocketSession.class);

	/** Where the socket is in its life. */
	enum Phase {

		/** Connected in handshake mode, waiting for its first {@code auth}. */
		HANDSHAKE,
		/** Authenticated (or public) and served. */
		ACTIVE,
		/**
		 * Its token expired or was revoked; it must re-authenticate and receives nothing
		 * meanwhile.
		 */
		EXPIRED

	}

	private final WebSocketSession socket;

	private final ProtocolCodec codec;

	private final Accountabilities callers;

	private final Clock clock;

	private final boolean publicFallback;

	private final Sessions.Client client;

	private final MessageBudget budget;

	private final FrameAssembler frames;

	private Phase phase;

	private Identity identity;

	private int generation;

	private int authFrames;

	private @Nullable ScheduledFuture<?> timer;

	private volatile boolean alive = true;

	private final Instant openedAt;

	private final Outbox outbox;

	private volatile boolean pinged;

	private volatile boolean closed;

	private final RemoteEndpoint.@Nullable Basic batch;

	private final RealtimeMetrics metrics;

	/**
	 * @param batch the container's endpoint of this socket, with batching allowed: frames
	 * are then only buffered until the outbox flushes them; null to write each frame as
	 * it is sent
	 * @param metrics told of every push written and of a close for slowness
	 */
	SocketSession(WebSocketSession socket, ProtocolCodec codec, Accountabilities callers, Clock clock,
			boolean publicFallback, Sessions.Client client, @Nullable Identity identity, int rateLimit,
			long maxMessageSize, Executor writers, long sendBufferLimit, RemoteEndpoint.@Nullable Basic batch,
			RealtimeMetrics metrics) {
		this.socket = socket;
		this.batch = batch;
		this.metrics = metrics;
		this.openedAt = clock.instant();
		this.outbox = new Outbox(writers, this::write, this::flush, sendBufferLimit,
				() -> closeSlow(CloseReasons.SLOW_CLIENT), (push) -> metrics.pushed(push.event(), push.committedAt()));
		this.codec = codec;
		this.callers = callers;
		this.clock = clock;
		this.publicFallback = publicFallback;
		this.client = client;
		this.budget = new MessageBudget(rateLimit, System.nanoTime());
		this.frames = new FrameAssembler(maxMessageSize);
		this.identity = (identity != null) ? identity : Identity.PUBLIC;
		this.phase = (identity != null) ? Phase.ACTIVE : Phase.HANDSHAKE;
	}

	@Override
	public String id() {
		return this.socket.getId();
	}

	@Override
	public @Nullable Accountability caller() {
		Identity current;
		synchronized (this) {
			if (this.phase != Phase.ACTIVE) {
				return null;
			}
			current = this.identity;
		}
		if (current.isExpiredAt(this.clock.instant())) {
			return this.publicFallback ? this.callers.anonymous() : null;
		}
		try {
			return current.caller(this.callers);
		}
		catch (TidingsException ex) {
			// revoked since the socket authenticated: the revocation sweep tells it
			return null;
		}
	}

	/**
	 * The generation whose credential no longer holds (its user suspended or deleted, its
	 * static token changed or cleared), for {@link SessionTimers#expire}; empty when it
	 * still holds or the socket acts as the public.
	 */
	OptionalInt revokedGeneration() {
		Identity current;
		int checked;
		synchronized (this) {
			if (this.phase != Phase.ACTIVE || this.identity.user() == null) {
				return OptionalInt.empty();
			}
			current = this.identity;
			checked = this.generation;
		}
		try {
			current.caller(this.callers);
			return OptionalInt.empty();
		}
		catch (TidingsException ex) {
			return (ex.code() == ErrorCode.INVALID_CREDENTIALS) ? OptionalInt.of(checked) : OptionalInt.empty();
		}
	}

	/**
	 * Queues the frame and returns at once; a writer thread sends it, after every frame
	 * queued before it.
	 */
	void send(String frame) {
		if (!this.closed) {
			this.outbox.offer(frame);
		}
	}

	/** As {@link #send}, for a push, which is counted once written. */
	@Override
	public void push(PushFrame frame) {
		if (!this.closed) {
			this.outbox.offer(frame);
		}
	}

	/** Writes one frame; whether it went out. */
	private boolean write(String frame) {
		if (!this.socket.isOpen()) {
			return false;
		}
		try {
			this.socket.sendMessage(new TextMessage(frame));
			return true;
		}
		catch (SessionLimitExceededException ex) {
			// the decorator's time or buffer limit: the client does not keep up
			logger.debug("Closing WebSocket {}: {}", id(), ex.getMessage());
			closeSlow(ex.getStatus());
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Closing WebSocket {} after a failed send", id(), ex);
			closeNow(CloseStatus.SESSION_NOT_RELIABLE);
		}
		catch (IllegalArgumentException ex) {
			// text the container cannot encode (an unpaired surrogate that host code
			// stored): this socket can no longer be told everything, but the writer
			// thread, shared with other sockets, carries on
			logger.warn("Closing WebSocket {}: a frame could not be encoded", id(), ex);
			closeNow(CloseStatus.SESSION_NOT_RELIABLE);
		}
		return false;
	}

	/** Writes the frames the container batched since the last flush. */
	private void flush() {
		if (this.batch == null || !this.socket.isOpen()) {
			return;
		}
		try {
			this.batch.flushBatch();
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Closing WebSocket {} after a failed send", id(), ex);
			closeNow(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	/** Sends a protocol message. */
	void reply(ServerMessage message) {
		send(this.codec.encode(message));
	}

	/**
	 * Whether the socket is still served. The dispatcher asks this of every subscriber
	 * for every change, so it reads a flag of this object instead of following the
	 * decorators to the container's session each time (a cache miss or more per session);
	 * the writer still checks the socket itself before every write.
	 */
	@Override
	public boolean isOpen() {
		return !this.closed;
	}

	/**
	 * Closes with 4500 after the frames already queued, and queues nothing more: the
	 * dispatcher sheds this socket.
	 */
	@Override
	public void shed() {
		close(CloseReasons.OVERLOADED);
		markClosed();
	}

	/** The container closed the socket: nothing more is queued for it. */
	void markClosed() {
		this.closed = true;
	}

	/**
	 * Closes once the frames sent before have been written (an error, then the close).
	 */
	void close(CloseStatus status) {
		cancelTimer();
		this.outbox.then(() -> closeNow(status));
	}

	/** Cuts off a client that does not take its frames fast enough, counted once. */
	private void closeSlow(CloseStatus status) {
		if (!this.closed) {
			this.metrics.slowClientClosed();
		}
		closeNow(status);
	}

	private void closeNow(CloseStatus status) {
		cancelTimer();
		this.closed = true;
		try {
			this.socket.close(status);
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("WebSocket {} did not close cleanly", id(), ex);
		}
	}

	Sessions.Client client() {
		return this.client;
	}

	MessageBudget budget() {
		return this.budget;
	}

	FrameAssembler frames() {
		return this.frames;
	}

	/** Whether the public keeps the socket when authentication fails or expires. */
	boolean publicFallback() {
		return this.publicFallback;
	}

	synchronized Phase phase() {
		return this.phase;
	}

	synchronized Identity identity() {
		return this.identity;
	}

	/**
	 * Makes the socket act as this identity from now on; returns the generation that
	 * timers armed for it must still match.
	 */
	synchronized int authenticate(Identity identity) {
		cancelTimer();
		this.identity = identity;
		this.phase = Phase.ACTIVE;
		return ++this.generation;
	}

	/**
	 * The token of that generation expired: the socket falls back to the public, or
	 * receives nothing until it re-authenticates. False when it re-authenticated since.
	 */
	synchronized boolean expire(int generation) {
		if (generation != this.generation || this.phase != Phase.ACTIVE) {
			return false;
		}
		this.generation++;
		if (this.publicFallback) {
			this.identity = Identity.PUBLIC;
		}
		else {
			this.phase = Phase.EXPIRED;
		}
		return true;
	}

	/** A failed in-band authentication of a public-mode socket: back to the public. */
	synchronized void resetToPublic() {
		cancelTimer();
		this.generation++;
		this.identity = Identity.PUBLIC;
		this.phase = Phase.ACTIVE;
	}

	synchronized int generation() {
		return this.generation;
	}

	/** Counts an {@code auth} frame, for the re-authentication deadline. */
	synchronized int authFrameSeen() {
		return ++this.authFrames;
	}

	synchronized int authFrames() {
		return this.authFrames;
	}

	synchronized void setTimer(@Nullable ScheduledFuture<?> timer) {
		cancelTimer();
		this.timer = timer;
	}

	private synchronized void cancelTimer() {
		if (this.timer != null) {
			this.timer.cancel(false);
			this.timer = null;
		}
	}

	/** Any routed message proves the client alive. */
	void markAlive() {
		this.alive = true;
	}

	/**
	 * One heartbeat tick: false when the client was pinged last tick and has said nothing
	 * since; otherwise the caller pings it now.
	 */
	/** Whether the socket opened before the given moment. */
	boolean openedBefore(Instant moment) {
		return this.openedAt.isBefore(moment);
	}

	synchronized boolean heartbeat() {
		if (this.pinged && !this.alive) {
			return false;
		}
		this.pinged = true;
		this.alive = false;
		return true;
	}

	@Override
	public String toString() {
		return "SocketSession[" + id() + "]";
	}

}
