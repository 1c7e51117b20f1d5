package dev.tidings.realtime.internal;

import dev.tidings.errors.TidingsException;
import dev.tidings.security.Accountability;

/** The caller a request runs as. */
final class Callers {

	private Callers() {
	}

	/**
	 * The session's caller now; a socket whose token expired, or whose user was
	 * suspended, may do nothing until it re-authenticates (Directus lets it act with the
	 * public's or more; docs/protocol.md, "Deliberate differences from Directus").
	 */
	static Accountability require(SocketSession session) {
		Accountability caller = session.caller();
		if (caller == null) {
			throw TidingsException.forbidden();
		}
		return caller;
	}

}
