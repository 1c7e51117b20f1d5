package dev.tidings.realtime.internal;

/**
 * A client's {@code ping} gets {@code pong} with its uid, as in Directus; unlike
 * Directus, also when the server heartbeat is off.
 */
final class PingHandler implements MessageHandler<ClientMessage.Ping> {

	@Override
	public Class<ClientMessage.Ping> handles() {
		return ClientMessage.Ping.class;
	}

	@Override
	public void handle(SocketSession session, ClientMessage.Ping message) {
		session.reply(new ServerMessage.Pong(message.uid()));
	}

}
