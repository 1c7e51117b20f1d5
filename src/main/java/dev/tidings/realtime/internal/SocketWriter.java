package dev.tidings.realtime.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.tidings.realtime.RealtimeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The only thing that writes to one client's socket: one bounded {@link SendQueue},
 * drained by one writer thread at a time, straight into the container. Nothing else
 * guards the socket (no {@code ConcurrentWebSocketSessionDecorator}: the queue already
 * serialises the writes and bounds what waits), and both limits are settled once, when
 * the socket opens:
 * <ul>
 * <li>the buffer limit is the queue's: a client whose unsent frames outgrow it is cut
 * off;</li>
 * <li>the time limit is the container's blocking-send timeout (Tomcat's), or the sink's
 * wait for a flush (Jetty's), so a write that a client does not take within it fails, and
 * the client is cut off.</li>
 * </ul>
 * Either way the close counts as a slow client, and the writer thread moves on to other
 * sockets. How frames reach the container, batched and, on Tomcat and Jetty, as the bytes
 * a group encoded once, is the {@link FrameSink}'s business.
 */
final class SocketWriter implements SendQueue.Socket {

	private static final Logger logger = LoggerFactory.getLogger(SocketWriter.class);

	private final WebSocketSession socket;

	private final FrameSink sink;

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
		this.sink = FrameSink.of(socket, sendTimeLimit);
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
		return write((sink) -> sink.write(push));
	}

	@Override
	public boolean write(String frame) {
		return write((sink) -> sink.write(frame));
	}

	private boolean write(Write write) {
		if (!this.socket.isOpen()) {
			return false;
		}
		try {
			write.to(this.sink);
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

	/** Writes the frames buffered since the last flush. */
	@Override
	public void flush() {
		if (!this.socket.isOpen()) {
			return;
		}
		try {
			this.sink.flush();
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

	private interface Write {

		void to(FrameSink sink) throws IOException;

	}

}
