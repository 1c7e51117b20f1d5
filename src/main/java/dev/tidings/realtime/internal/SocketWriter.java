package dev.tidings.realtime.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.tidings.realtime.RealtimeMetrics;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.apache.tomcat.websocket.PreEncodedText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * The only thing that writes to one client's socket: one bounded {@link SendQueue},
 * drained by one writer thread at a time, straight into the container. Nothing else
 * guards the socket (no {@code ConcurrentWebSocketSessionDecorator}: the queue already
 * serialises the writes and bounds what waits), and both limits are settled once, when
 * the socket opens:
 * <ul>
 * <li>the buffer limit is the queue's: a client whose unsent frames outgrow it is cut
 * off;</li>
 * <li>the time limit is the container's blocking-send timeout, so a write that a client
 * does not take within it fails, and the client is cut off.</li>
 * </ul>
 * Either way the close counts as a slow client, and the writer thread moves on to other
 * sockets. On Tomcat a push is written as the bytes its group encoded once
 * ({@link PreEncodedText}).
 */
final class SocketWriter implements SendQueue.Socket {

	private static final Logger logger = LoggerFactory.getLogger(SocketWriter.class);

	/** Tomcat's per-session blocking-send timeout; its default is 20 seconds. */
	private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private final WebSocketSession socket;

	/**
	 * The container's own endpoint with batching on, written to directly: frames are
	 * buffered until the queue's drain flushes them. Null where the container offers no
	 * such endpoint; frames then go through Spring's session one by one.
	 */
	private final RemoteEndpoint.@Nullable Basic remote;

	/** Whether pushes go to {@link #remote} as the bytes encoded once for their group. */
	private final boolean preEncoded;

	private final SendQueue queue;

	private final RealtimeMetrics metrics;

	private volatile boolean closed;

	/**
	 * Whether this client was cut off for slowness. Not {@link #closed}: on a timed-out
	 * write the container closes the socket itself, before the write fails here.
	 */
	private final AtomicBoolean cutOff = new AtomicBoolean();

	SocketWriter(WebSocketSession socket, Executor writers, long sendBufferLimit, Duration sendTimeLimit,
			RealtimeMetrics metrics) {
		this.socket = socket;
		this.metrics = metrics;
		this.remote = batchingEndpoint(socket, sendTimeLimit);
		this.preEncoded = this.remote != null && PreEncodedText.supports(this.remote);
		this.queue = new SendQueue(writers, this, sendBufferLimit, () -> closeSlow(CloseReasons.SLOW_CLIENT),
				(push) -> metrics.pushed(push.event(), push.committedAt()));
	}

	/** Queues the frame and returns at once. */
	void send(String frame) {
		if (!this.closed) {
			this.queue.offer(frame);
		}
	}

	/** As {@link #send}, for a push, which is counted once written. */
	void push(PushFrame frame) {
		if (!this.closed) {
			this.queue.offer(frame);
		}
	}

	/** Closes once the frames queued before have been written. */
	void close(CloseStatus status) {
		this.queue.then(() -> closeNow(status));
	}

	/** Nothing more is queued: the container closed the socket, or it was shed. */
	void markClosed() {
		this.closed = true;
	}

	boolean isClosed() {
		return this.closed;
	}

	@Override
	public boolean write(PushFrame push) {
		ByteBuffer utf8 = push.utf8();
		if (!this.preEncoded || utf8 == null) {
			return write(push.text());
		}
		if (!this.socket.isOpen()) {
			return false;
		}
		try {
			PreEncodedText.send(this.remote, utf8);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			failed(ex);
		}
		return false;
	}

	@Override
	public boolean write(String frame) {
		if (!this.socket.isOpen()) {
			return false;
		}
		try {
			if (this.remote != null) {
				this.remote.sendText(frame);
			}
			else {
				this.socket.sendMessage(new TextMessage(frame));
			}
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			failed(ex);
		}
		catch (IllegalArgumentException ex) {
			// text the container cannot encode (an unpaired surrogate that host code
			// stored): this socket can no longer be told everything, but the writer
			// thread, shared with other sockets, carries on
			logger.warn("Closing WebSocket {}: a frame could not be encoded", this.socket.getId(), ex);
			closeNow(CloseStatus.SESSION_NOT_RELIABLE);
		}
		return false;
	}

	/** Writes the frames the container batched since the last flush. */
	@Override
	public void flush() {
		if (this.remote == null || !this.socket.isOpen()) {
			return;
		}
		try {
			this.remote.flushBatch();
		}
		catch (IOException | IllegalStateException ex) {
			failed(ex);
		}
	}

	private void failed(Exception ex) {
		if (timedOut(ex)) {
			logger.debug("Closing WebSocket {}: the client did not take a frame in time", this.socket.getId());
			closeSlow(CloseReasons.SLOW_CLIENT);
		}
		else {
			logger.debug("Closing WebSocket {} after a failed send", this.socket.getId(), ex);
			closeNow(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	/** Cuts off a client that does not take its frames fast enough, counted once. */
	private void closeSlow(CloseStatus status) {
		if (this.cutOff.compareAndSet(false, true)) {
			this.metrics.slowClientClosed();
		}
		closeNow(status);
	}

	private void closeNow(CloseStatus status) {
		this.closed = true;
		try {
			this.socket.close(status);
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("WebSocket {} did not close cleanly", this.socket.getId(), ex);
		}
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The container's endpoint of the socket with batching on and the send timeout set,
	 * or null where the socket is not a {@code jakarta.websocket} one or refuses
	 * batching.
	 */
	private static RemoteEndpoint.@Nullable Basic batchingEndpoint(WebSocketSession socket, Duration sendTimeLimit) {
		if (!(socket instanceof NativeWebSocketSession wrapper)
				|| !(wrapper.getNativeSession() instanceof Session container)) {
			return null;
		}
		container.getUserProperties().put(TOMCAT_SEND_TIMEOUT, sendTimeLimit.toMillis());
		try {
			RemoteEndpoint.Basic remote = container.getBasicRemote();
			remote.setBatchingAllowed(true);
			return remote.getBatchingAllowed() ? remote : null;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("WebSocket {} writes frame by frame: batching refused", container.getId(), ex);
			return null;
		}
	}

}
