package dev.tidings.realtime.internal;

import org.springframework.web.socket.CloseStatus;

/**
 * The close codes the endpoint sends. Directus closes without a code (1005, which may not
 * be sent on the wire); the SDK ignores codes, so we say why.
 */
final class CloseReasons {

	static final CloseStatus HANDSHAKE_FAILED = CloseStatus.POLICY_VIOLATION
		.withReason("Authentication handshake failed.");

	static final CloseStatus AUTH_FAILED = CloseStatus.POLICY_VIOLATION.withReason("Authentication failed.");

	static final CloseStatus AUTH_TIMEOUT = CloseStatus.POLICY_VIOLATION.withReason("Authentication timed out.");

	static final CloseStatus TOO_MANY_SOCKETS = CloseStatus.POLICY_VIOLATION.withReason("Too many sockets.");

	static final CloseStatus HEARTBEAT = CloseStatus.NORMAL.withReason("Heartbeat timed out.");

	static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("Message too big.");

	static final CloseStatus SERVER_ERROR = CloseStatus.SERVER_ERROR.withReason("Internal server error.");

	static final CloseStatus SLOW_CLIENT = CloseStatus.SESSION_NOT_RELIABLE.withReason("Client too slow.");

	/**
	 * The socket's subscriptions caused most of a dispatch backlog: it is shed so the
	 * others keep their pushes.
	 */
	static final CloseStatus OVERLOADED = CloseStatus.SESSION_NOT_RELIABLE
		.withReason("Server overloaded: this socket's subscriptions cost too much to dispatch.");

	static final CloseStatus SHUTDOWN = CloseStatus.GOING_AWAY.withReason("Server shutting down.");

	private CloseReasons() {
	}

}
