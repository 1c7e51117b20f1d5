package dev.tidings.realtime.internal;

import dev.tidings.errors.TidingsException;

/**
 * {@code auth} on a served socket: re-authentication or, in public mode, an upgrade from
 * the public to a user (docs/protocol.md, "Authentication modes"). A failure answers
 * {@code AUTH_FAILED} and closes the socket, except in public mode where it falls back to
 * the public. A malformed {@code auth} is answered too (Directus swallows the error and
 * says nothing). A user already holding {@code max-sockets-per-user} sockets is refused
 * with {@code LIMIT_EXCEEDED}.
 */
final class AuthHandler implements MessageHandler<ClientMessage.Auth> {

	private final Authentication authentication;

	private final SessionTimers timers;

	private final SocketOwners owners;

	AuthHandler(Authentication authentication, SessionTimers timers, SocketOwners owners) {
		this.authentication = authentication;
		this.timers = timers;
		this.owners = owners;
	}

	@Override
	public Class<ClientMessage.Auth> handles() {
		return ClientMessage.Auth.class;
	}

	@Override
	public void handle(SocketSession session, ClientMessage.Auth message) {
		session.authFrameSeen();
		if (!Authentication.hasCredentials(message)) {
			session.reply(Errors.invalidPayload("auth", message.uid(),
					"Invalid payload. One of \"access_token\", \"refresh_token\", or \"email\" with \"password\" is required."));
			return;
		}
		Authentication.Result result;
		try {
			result = this.authentication.authenticate(message, session.client());
		}
		catch (TidingsException ex) {
			session.reply(Errors.authFailed(message.uid()));
			if (session.publicFallback()) {
				session.resetToPublic();
			}
			else {
				session.close(CloseReasons.AUTH_FAILED);
			}
			return;
		}
		succeed(session, message, result);
	}

	/**
	 * The first frame of a handshake-mode socket: {@code auth ok} and the socket is
	 * served, or {@code AUTH_FAILED} (without uid, as Directus) and closed.
	 */
	void handshake(SocketSession session, ClientMessage.Auth message) {
		session.authFrameSeen();
		Authentication.Result result;
		try {
			result = this.authentication.authenticate(message, session.client());
		}
		catch (TidingsException ex) {
			failHandshake(session);
			return;
		}
		succeed(session, message, result);
	}

	void failHandshake(SocketSession session) {
		session.reply(Errors.handshakeFailed());
		session.close(CloseReasons.HANDSHAKE_FAILED);
	}

	private void succeed(SocketSession session, ClientMessage.Auth message, Authentication.Result result) {
		if (!this.owners.move(session.id(), SocketOwners.of(result.identity(), session.client()))) {
			refuseOneTooMany(session, message);
			return;
		}
		int generation = session.authenticate(result.identity());
		// auth ok first: the SDK takes the first frame after its auth as the answer
		session.reply(new ServerMessage.AuthOk(message.uid(), result.refreshToken()));
		this.timers.armExpiry(session, generation);
	}

	/**
	 * The user already holds {@code max-sockets-per-user} sockets: a public-mode socket
	 * goes on as what it was; any other is closed, as a failed authentication.
	 */
	private void refuseOneTooMany(SocketSession session, ClientMessage.Auth message) {
		session.reply(Errors.tooManySockets(message.uid(), this.owners.limit()));
		if (!session.publicFallback()) {
			session.close(CloseReasons.TOO_MANY_SOCKETS);
		}
	}

}
