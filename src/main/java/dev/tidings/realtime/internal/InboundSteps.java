package dev.tidings.realtime.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;

import dev.tidings.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

/**
 * What happens to a client's frame, in order, on the socket's own thread so one client's
 * requests are answered in order:
 * <ol>
 * <li>assemble: partial frames are joined within the message size limit;</li>
 * <li>decode: a handshake-mode socket's first message must be {@code auth}; anything else
 * is decoded or answered with its error;</li>
 * <li>rate-limit: the socket's message budget, then its owner's server time across all
 * its sockets;</li>
 * <li>route: the message goes to its handler.</li>
 * </ol>
 * A message never costs more than its reply; anything that escapes closes that socket
 * alone with 1011.
 */
final class InboundSteps {

	private static final Logger logger = LoggerFactory.getLogger(InboundSteps.class);

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private final ProtocolCodec codec;

	private final AuthHandler auth;

	private final MessageRouter router;

	private final SocketOwners owners;

	/** The server time each owner's messages may take, across its sockets. */
	private final WorkBudgets work;

	InboundSteps(ProtocolCodec codec, AuthHandler auth, MessageRouter router, SocketOwners owners, WorkBudgets work) {
		this.codec = codec;
		this.auth = auth;
		this.router = router;
		this.owners = owners;
		this.work = work;
	}

	void receive(SocketSession session, WebSocketMessage<?> message) {
		try {
			String text = assemble(session.frames(), message);
			if (text == null) {
				return;
			}
			if (session.inHandshake()) {
				handshake(session, text);
			}
			else {
				limited(session, text);
			}
		}
		catch (FrameAssembler.TooLarge ex) {
			session.close(CloseReasons.TOO_BIG);
		}
		catch (RuntimeException ex) {
			logger.error("Closing WebSocket {} after an unexpected failure", session.id(), ex);
			session.close(CloseReasons.SERVER_ERROR);
		}
	}

	/** The whole message once its last part arrived; null until then. */
	private static @Nullable String assemble(FrameAssembler frames, WebSocketMessage<?> message) {
		if (message instanceof TextMessage text) {
			return frames.text(text.getPayload(), text.isLast());
		}
		if (message instanceof BinaryMessage binary) {
			return frames.bytes(bytes(binary.getPayload()), binary.isLast());
		}
		return null;
	}

	private void handshake(SocketSession session, String text) {
		if (this.codec.decode(text) instanceof ProtocolCodec.Decoded.Message decoded
				&& decoded.message() instanceof ClientMessage.Auth message) {
			this.auth.handshake(session, message);
		}
		else {
			this.auth.failHandshake(session);
		}
	}

	private void limited(SocketSession session, String text) {
		long start = System.nanoTime();
		if (!session.budget().take(start)) {
			session.reply(Errors.requestsExceeded(session.budget().retryAfterMillis()));
			return;
		}
		String owner = this.owners.ownerOf(session.id());
		long wait = (owner != null) ? this.work.waitMillis(owner, start) : 0;
		if (wait > 0) {
			session.reply(Errors.requestsExceeded(wait));
			return;
		}
		// CPU time, not elapsed time: on a busy machine a message waits for cores, and
		// that wait is nobody's cost
		long cpu = CPU.getCurrentThreadCpuTime();
		try {
			decodeAndRoute(session, text);
		}
		finally {
			if (owner != null) {
				this.work.spend(owner, CPU.getCurrentThreadCpuTime() - cpu, System.nanoTime());
			}
		}
	}

	private void decodeAndRoute(SocketSession session, String text) {
		ProtocolCodec.Decoded decoded = this.codec.decode(text);
		if (decoded instanceof ProtocolCodec.Decoded.Invalid invalid) {
			session.reply(invalid.reply());
		}
		else if (decoded instanceof ProtocolCodec.Decoded.Ignored) {
			session.markAlive();
		}
		else if (decoded instanceof ProtocolCodec.Decoded.Message routed) {
			if (!(routed.message() instanceof ClientMessage.Auth)) {
				session.markAlive();
			}
			// what the message writes is recorded as coming from the socket's client
			CurrentCaller.comingFrom(session.client());
			try {
				this.router.route(session, routed.message());
			}
			finally {
				CurrentCaller.comingFrom(null);
			}
		}
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

}
