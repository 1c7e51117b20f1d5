package dev.tidings.realtime.internal;

/**
 * The answer to the server's heartbeat ping: nothing to do, since every routed message
 * already counts as a sign of life.
 */
final class PongHandler implements MessageHandler<ClientMessage.Pong> {

	@Override
	public Class<ClientMessage.Pong> handles() {
		return ClientMessage.Pong.class;
	}

	@Override
	public void handle(SocketSession session, ClientMessage.Pong message) {
		// liveness is recorded for every routed message
	}

}
