package dev.tidings.realtime.internal;

import java.io.IOException;
import java.time.Duration;

import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One socket as its container lets {@link SocketWriter} write to it: frames buffered
 * until {@link #flush}, a push as the bytes its group encoded once where the container
 * takes bytes for a text frame, and the send time limit enforced by the container or
 * here. A write that fails throws; one that outlasts the time limit throws with a
 * {@link java.util.concurrent.TimeoutException} or
 * {@link java.net.SocketTimeoutException} among its causes.
 */
interface FrameSink {

	/** Jetty 12's own session behind Spring's: only looked at when Jetty is there. */
	boolean JETTY = ClassUtils.isPresent("org.eclipse.jetty.websocket.common.WebSocketSession",
			FrameSink.class.getClassLoader());

	/** A {@code jakarta.websocket} container (Tomcat, Undertow…). */
	boolean JAKARTA = ClassUtils.isPresent("jakarta.websocket.Session", FrameSink.class.getClassLoader());

	/**
	 * @throws IllegalArgumentException text that cannot be encoded (an unpaired
	 * surrogate)
	 */
	void write(String frame) throws IOException;

	void write(PushFrame push) throws IOException;

	void flush() throws IOException;

	/** The most direct way the socket's container offers, settled once per socket. */
	static FrameSink of(WebSocketSession socket, Duration sendTimeLimit) {
		Object container = (socket instanceof NativeWebSocketSession wrapper) ? wrapper.getNativeSession() : null;
		FrameSink sink = null;
		if (JETTY && container != null) {
			sink = JettyFrames.of(container, sendTimeLimit);
		}
		if (sink == null && JAKARTA && container != null) {
			sink = JakartaFrames.of(container, sendTimeLimit);
		}
		return (sink != null) ? sink : new SpringFrames(socket);
	}

}
