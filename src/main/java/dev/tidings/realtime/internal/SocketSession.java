package dev.tidings.realtime.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Accountability;
import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;

/**
 * One connected client: its writer, its authentication state and what its timers and
 * inbound steps keep per socket. The identity holds a user id, the token's expiry and a
 * static token's digest; {@link #caller()} resolves the caller through the security cache
 * each time and checks the expiry, so no push reaches an expired, suspended or deleted
 * user, nor the holder of a changed static token.
 */
public final class SocketSession implements ClientSession {

	private final String id;

	private final SocketWriter writer;

	private final Endpoint endpoint;

	private final Sessions.Client client;

	private final MessageBudget budget;

	private final FrameAssembler frames;

	private final Instant openedAt;

	private AuthState auth;

	private int authFrames;

	private @Nullable ScheduledFuture<?> timer;

	private volatile boolean alive = true;

	private volatile boolean pinged;

	/**
	 * @param identity who the upgrade authenticated, or null for a socket in handshake
	 * mode
	 */
	SocketSession(String id, SocketWriter writer, Endpoint endpoint, Sessions.Client client,
			@Nullable Identity identity) {
		this.id = id;
		this.writer = writer;
		this.endpoint = endpoint;
		this.client = client;
		this.budget = new MessageBudget(endpoint.rateLimit(), System.nanoTime());
		this.frames = new FrameAssembler(endpoint.maxMessageSize());
		this.openedAt = endpoint.clock().instant();
		this.auth = (identity != null) ? AuthState.HANDSHAKE.authenticate(identity) : AuthState.HANDSHAKE;
	}

	/**
	 * What every socket of the endpoint shares.
	 *
	 * @param publicFallback whether the public keeps a socket whose authentication fails
	 * or expires
	 * @param rateLimit messages per second of one socket
	 * @param maxMessageSize the largest message, assembled
	 */
	record Endpoint(ProtocolCodec codec, Accountabilities callers, Clock clock, boolean publicFallback, int rateLimit,
			long maxMessageSize) {
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public @Nullable Accountability caller() {
		Identity current;
		synchronized (this) {
			current = this.auth.identity();
		}
		if (current == null) {
			return null;
		}
		if (current.isExpiredAt(this.endpoint.clock().instant())) {
			return this.endpoint.publicFallback() ? this.endpoint.callers().anonymous() : null;
		}
		try {
			return current.caller(this.endpoint.callers());
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
		AuthState checked;
		synchronized (this) {
			checked = this.auth;
		}
		Identity current = checked.identity();
		if (current == null || current.user() == null) {
			return OptionalInt.empty();
		}
		try {
			current.caller(this.endpoint.callers());
			return OptionalInt.empty();
		}
		catch (TidingsException ex) {
			return (ex.code() == ErrorCode.INVALID_CREDENTIALS) ? OptionalInt.of(checked.generation())
					: OptionalInt.empty();
		}
	}

	/**
	 * Queues the frame and returns at once; it is written after every frame before it.
	 */
	void send(String frame) {
		this.writer.send(frame);
	}

	/** As {@link #send}, for a push, which is counted once written. */
	@Override
	public void push(PushFrame frame) {
		this.writer.push(frame);
	}

	/** Sends a protocol message. */
	void reply(ServerMessage message) {
		send(this.endpoint.codec().encode(message));
	}

	/**
	 * Whether the socket is still served. The dispatcher asks this of every subscriber
	 * for every change, so it reads a flag instead of asking the container.
	 */
	@Override
	public boolean isOpen() {
		return !this.writer.isClosed();
	}

	/**
	 * Closes with 4500 after the frames already queued, and queues nothing more: the
	 * dispatcher sheds this socket.
	 */
	@Override
	public void shed() {
		close(CloseReasons.OVERLOADED);
		this.writer.markClosed();
	}

	/** The container closed the socket: no timer runs and nothing more is queued. */
	void closed() {
		this.writer.markClosed();
		setTimer(null);
	}

	/**
	 * Closes once the frames sent before have been written (an error, then the close).
	 */
	void close(CloseStatus status) {
		setTimer(null);
		this.writer.close(status);
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
		return this.endpoint.publicFallback();
	}

	synchronized boolean inHandshake() {
		return this.auth instanceof AuthState.Handshake;
	}

	/** The identity the socket acts as; null in handshake or expired. */
	synchronized @Nullable Identity identity() {
		return this.auth.identity();
	}

	/**
	 * Makes the socket act as this identity from now on; returns the generation that
	 * timers armed for it must still match.
	 */
	synchronized int authenticate(Identity identity) {
		setTimer(null);
		this.auth = this.auth.authenticate(identity);
		return this.auth.generation();
	}

	/**
	 * The token of that generation expired: the socket falls back to the public, or
	 * receives nothing until it re-authenticates. False when it re-authenticated since.
	 */
	synchronized boolean expire(int generation) {
		AuthState next = this.auth.expire(generation, this.endpoint.publicFallback());
		if (next == null) {
			return false;
		}
		this.auth = next;
		return true;
	}

	/** A failed in-band authentication of a public-mode socket: back to the public. */
	synchronized void resetToPublic() {
		setTimer(null);
		this.auth = this.auth.resetToPublic();
	}

	synchronized int generation() {
		return this.auth.generation();
	}

	/** Counts an {@code auth} frame, for the re-authentication deadline. */
	synchronized int authFrameSeen() {
		return ++this.authFrames;
	}

	synchronized int authFrames() {
		return this.authFrames;
	}

	/** Replaces the socket's timer, cancelling the one before. */
	synchronized void setTimer(@Nullable ScheduledFuture<?> timer) {
		if (this.timer != null) {
			this.timer.cancel(false);
		}
		this.timer = timer;
	}

	/** Any routed message proves the client alive. */
	void markAlive() {
		this.alive = true;
	}

	/** Whether the socket opened before the given moment. */
	boolean openedBefore(Instant moment) {
		return this.openedAt.isBefore(moment);
	}

	/**
	 * One heartbeat tick: false when the client was pinged last tick and has said nothing
	 * since; otherwise the caller pings it now.
	 */
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
		return "SocketSession[" + this.id + "]";
	}

}
