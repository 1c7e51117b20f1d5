package dev.tidings.realtime.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.jspecify.annotations.Nullable;

/**
 * Jetty 12's core session under Spring's: frames are handed over batched, already encoded
 * (a push as the bytes its group encoded once), and written together on {@link #flush},
 * which waits for them at most the send time limit. Jetty itself has no blocking-send
 * timeout: a client that has not taken the frames by then has its connection aborted.
 */
final class JettyFrames implements FrameSink {

	private final CoreSession session;

	private final long timeLimitMillis;

	private JettyFrames(CoreSession session, Duration sendTimeLimit) {
		this.session = session;
		this.timeLimitMillis = sendTimeLimit.toMillis();
	}

	/** Null where the session is not Jetty's. */
	static @Nullable FrameSink of(Object container, Duration sendTimeLimit) {
		return (container instanceof WebSocketSession jetty) ? new JettyFrames(jetty.getCoreSession(), sendTimeLimit)
				: null;
	}

	@Override
	public void write(String frame) throws IOException {
		ByteBuffer utf8 = PushFrame.utf8(frame);
		if (utf8 == null) {
			// Jetty would put '?' in silently; Tomcat refuses, and so does this
			throw new IllegalArgumentException("A frame that is not well-formed UTF-16");
		}
		send(utf8);
	}

	@Override
	public void write(PushFrame push) throws IOException {
		ByteBuffer utf8 = push.utf8();
		if (utf8 == null) {
			write(push.text());
		}
		else {
			send(utf8);
		}
	}

	private void send(ByteBuffer utf8) throws IOException {
		if (!this.session.isOutputOpen()) {
			throw new IOException("Output closed");
		}
		// a view of its own: the same bytes go to every socket of the group at once
		this.session.sendFrame(new Frame(OpCode.TEXT, true, utf8.slice()), Callback.NOOP, true);
	}

	@Override
	public void flush() throws IOException {
		FutureCallback written = new FutureCallback();
		this.session.flush(written);
		try {
			written.get(this.timeLimitMillis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			this.session.abort();
			throw new IOException("The client did not take its frames within the send time limit", ex);
		}
		catch (ExecutionException ex) {
			throw new IOException("A write failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while writing");
		}
	}

}
