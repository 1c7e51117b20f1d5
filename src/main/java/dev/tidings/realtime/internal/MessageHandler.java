package dev.tidings.realtime.internal;

/**
 * Handles one type of client message. Handlers may throw
 * {@link dev.tidings.errors.TidingsException}: the {@link MessageRouter} answers it with
 * the error envelope of the message's type.
 *
 * @param <M> the message type handled
 */
interface MessageHandler<M extends ClientMessage> {

	Class<M> handles();

	void handle(SocketSession session, M message);

}
