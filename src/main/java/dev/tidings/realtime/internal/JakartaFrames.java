package dev.tidings.realtime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.apache.tomcat.websocket.PreEncodedText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code jakarta.websocket} container's endpoint with batching on: frames are buffered
 * until flushed, and a write the client does not take within the blocking-send timeout
 * fails. On Tomcat a push goes out as the bytes its group encoded once
 * ({@link PreEncodedText}).
 */
final class JakartaFrames implements FrameSink {

	private static final Logger logger = LoggerFactory.getLogger(JakartaFrames.class);

	/** Tomcat's per-session blocking-send timeout; its default is 20 seconds. */
	private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private final RemoteEndpoint.Basic remote;

	private final boolean preEncoded;

	private JakartaFrames(RemoteEndpoint.Basic remote) {
		this.remote = remote;
		this.preEncoded = PreEncodedText.supports(remote);
	}

	/**
	 * Null where the session is not a {@code jakarta.websocket} one or refuses batching.
	 */
	static @Nullable FrameSink of(Object container, Duration sendTimeLimit) {
		if (!(container instanceof Session session)) {
			return null;
		}
		session.getUserProperties().put(TOMCAT_SEND_TIMEOUT, sendTimeLimit.toMillis());
		try {
			RemoteEndpoint.Basic remote = session.getBasicRemote();
			remote.setBatchingAllowed(true);
			return remote.getBatchingAllowed() ? new JakartaFrames(remote) : null;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("WebSocket {} writes frame by frame: batching refused", session.getId(), ex);
			return null;
		}
	}

	@Override
	public void write(String frame) throws IOException {
		this.remote.sendText(frame);
	}

	@Override
	public void write(PushFrame push) throws IOException {
		ByteBuffer utf8 = push.utf8();
		if (this.preEncoded && utf8 != null) {
			PreEncodedText.send(this.remote, utf8);
		}
		else {
			write(push.text());
		}
	}

	@Override
	public void flush() throws IOException {
		this.remote.flushBatch();
	}

}
