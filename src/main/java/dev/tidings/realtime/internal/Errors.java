package dev.tidings.realtime.internal;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * The socket's error replies, in the words Directus uses (docs/protocol.md, "Server →
 * client").
 */
final class Errors {

	static final String AUTH_FAILED = "AUTH_FAILED";

	/** Directus's code for a limit (its {@code LimitExceededError}). */
	static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

	private Errors() {
	}

	/** A failure while handling a request: the request's type and uid. */
	static ServerMessage.ErrorReply of(ClientMessage message, TidingsException ex) {
		return new ServerMessage.ErrorReply(message.type(), message.uid(), ex.code().name(), ex.getMessage());
	}

	static ServerMessage.ErrorReply handshakeFailed() {
		return new ServerMessage.ErrorReply("auth", null, AUTH_FAILED, "Authentication handshake failed.");
	}

	static ServerMessage.ErrorReply authFailed(@Nullable Object uid) {
		return new ServerMessage.ErrorReply("auth", uid, AUTH_FAILED, "Authentication failed.");
	}

	static ServerMessage.ErrorReply tokenExpired() {
		return new ServerMessage.ErrorReply("auth", null, "TOKEN_EXPIRED", "Token expired.");
	}

	static ServerMessage.ErrorReply authTimeout() {
		return new ServerMessage.ErrorReply("auth", null, "AUTH_TIMEOUT", "Authentication timed out.");
	}

	static ServerMessage.ErrorReply requestsExceeded(long retryAfterMillis) {
		return new ServerMessage.ErrorReply("server", null, "REQUESTS_EXCEEDED",
				"Too many messages, retry after " + retryAfterMillis + "ms.");
	}

	static ServerMessage.ErrorReply limitExceeded(String type, @Nullable Object uid, String message) {
		return new ServerMessage.ErrorReply(type, uid, LIMIT_EXCEEDED, message);
	}

	static ServerMessage.ErrorReply tooManySockets(@Nullable Object uid, int limit) {
		return limitExceeded("auth", uid, "Too many sockets for this user: at most " + limit + ".");
	}

	static ServerMessage.ErrorReply invalidPayload(String type, @Nullable Object uid, String message) {
		return new ServerMessage.ErrorReply(type, uid, "INVALID_PAYLOAD", message);
	}

}
