package dev.tidings.realtime;

import java.time.Instant;

import dev.tidings.events.ChangeType;

/**
 * What the realtime endpoint reports as it works, for whoever measures it:
 * {@link RealtimeMeters} where the host has a Micrometer registry, {@link #NONE}
 * otherwise, so the endpoint itself never depends on Micrometer. Called on the socket
 * writer threads for every push written: an implementation returns at once and never
 * looks a meter up per call.
 */
public interface RealtimeMetrics {

	/** Measures nothing. */
	RealtimeMetrics NONE = new RealtimeMetrics() {

		@Override
		public void pushed(ChangeType event, Instant committedAt) {
		}

		@Override
		public void slowClientClosed() {
		}

	};

	/** A push was written to a socket; the change it pushes committed at that time. */
	void pushed(ChangeType event, Instant committedAt);

	/** A socket was closed because its client did not take its frames fast enough. */
	void slowClientClosed();

}
