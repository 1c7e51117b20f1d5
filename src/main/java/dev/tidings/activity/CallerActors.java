package dev.tidings.activity;

import dev.tidings.events.Actor;
import dev.tidings.events.ActorSource;
import dev.tidings.security.Accountability;
import dev.tidings.security.CurrentCaller;
import dev.tidings.security.Sessions;

/**
 * The actor of the current thread's writes: the user of the {@link CurrentCaller} (the
 * items service binds it around every write), and the address, user agent and origin of
 * the request or socket the transport bound. Host code that binds neither acts as the
 * system.
 */
public final class CallerActors implements ActorSource {

	@Override
	public Actor current() {
		Accountability who = CurrentCaller.get().orElse(null);
		Sessions.Client client = CurrentCaller.client().orElse(null);
		if (client == null) {
			return (who != null && who.user() != null) ? new Actor(who.user(), null, null, null) : Actor.SYSTEM;
		}
		return new Actor((who != null) ? who.user() : null, client.address(), client.userAgent(), client.origin());
	}

}
