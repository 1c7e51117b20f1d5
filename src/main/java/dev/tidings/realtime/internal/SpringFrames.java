package dev.tidings.realtime.internal;

import java.io.IOException;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Frames written one by one through Spring's session, for a container Tidings has no
 * direct way into: no batching, a push's text encoded per socket, and no time limit but
 * the container's own.
 */
final class SpringFrames implements FrameSink {

	private final WebSocketSession socket;

	SpringFrames(WebSocketSession socket) {
		this.socket = socket;
	}

	@Override
	public void write(String frame) throws IOException {
		this.socket.sendMessage(new TextMessage(frame));
	}

	@Override
	public void write(PushFrame push) throws IOException {
		write(push.text());
	}

	@Override
	public void flush() {
	}

}
