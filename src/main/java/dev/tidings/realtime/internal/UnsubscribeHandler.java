package dev.tidings.realtime.internal;

/**
 * {@code unsubscribe}: one subscription by uid (as a string), or all of the socket's
 * without one; always acknowledged, with the uid as sent.
 */
final class UnsubscribeHandler implements MessageHandler<ClientMessage.Unsubscribe> {

	private final SubscriptionIndex index;

	UnsubscribeHandler(SubscriptionIndex index) {
		this.index = index;
	}

	@Override
	public Class<ClientMessage.Unsubscribe> handles() {
		return ClientMessage.Unsubscribe.class;
	}

	@Override
	public void handle(SocketSession session, ClientMessage.Unsubscribe message) {
		String uid = ProtocolCodec.uidText(message.uid());
		if (uid != null) {
			this.index.remove(session, uid);
		}
		else {
			this.index.removeAll(session);
		}
		session.reply(new ServerMessage.Subscription("unsubscribe", null, null, message.uid()));
	}

}
