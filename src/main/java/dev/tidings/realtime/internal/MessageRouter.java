package dev.tidings.realtime.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message to the one handler of its type, and answers whatever the handler
 * throws with the Directus error envelope, echoing the request's type and uid. Nothing a
 * handler throws reaches the socket's container thread.
 */
final class MessageRouter {

	private static final Logger logger = LoggerFactory.getLogger(MessageRouter.class);

	private final Map<Class<?>, MessageHandler<?>> handlers = new LinkedHashMap<>();

	MessageRouter(List<MessageHandler<?>> handlers) {
		for (MessageHandler<?> handler : handlers) {
			MessageHandler<?> previous = this.handlers.put(handler.handles(), handler);
			if (previous != null) {
				throw new IllegalStateException("Two handlers for " + handler.handles().getSimpleName() + ": "
						+ previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
			}
		}
		for (Class<?> type : ClientMessage.class.getPermittedSubclasses()) {
			if (!this.handlers.containsKey(type)) {
				throw new IllegalStateException("No handler for " + type.getSimpleName());
			}
		}
	}

	/** The handlers, by message type. */
	Map<Class<?>, MessageHandler<?>> handlers() {
		return Map.copyOf(this.handlers);
	}

	@SuppressWarnings("unchecked")
	void route(SocketSession session, ClientMessage message) {
		MessageHandler<ClientMessage> handler = (MessageHandler<ClientMessage>) this.handlers.get(message.getClass());
		try {
			handler.handle(session, message);
		}
		catch (TidingsException ex) {
			session.reply(Errors.of(message, ex));
		}
		catch (LimitExceeded ex) {
			session.reply(Errors.limitExceeded(message.type(), message.uid(), ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.error("Failed to handle a {} message on WebSocket {}", message.type(), session.id(), ex);
			session.reply(new ServerMessage.ErrorReply(message.type(), message.uid(), "INTERNAL_SERVER_ERROR",
					"An unexpected error occurred."));
		}
	}

}
