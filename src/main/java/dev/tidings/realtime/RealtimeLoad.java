package dev.tidings.realtime;

import dev.tidings.realtime.internal.ChangeDispatcher;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import dev.tidings.realtime.internal.SubscriptionIndex;

/**
 * What the realtime endpoint carries right now, for the health endpoint and the gauges:
 * open sockets, subscriptions, and notifications waiting for dispatch. Every read is a
 * count kept as things come and go, so asking often costs nothing.
 */
public final class RealtimeLoad {

	private final RealtimeEndpoint endpoint;

	private final SubscriptionIndex index;

	private final ChangeDispatcher dispatcher;

	RealtimeLoad(RealtimeEndpoint endpoint, SubscriptionIndex index, ChangeDispatcher dispatcher) {
		this.endpoint = endpoint;
		this.index = index;
		this.dispatcher = dispatcher;
	}

	/** Open WebSocket connections, still authenticating or served. */
	public int connections() {
		return this.endpoint.openSockets();
	}

	/** Subscriptions on every collection. */
	public int subscriptions() {
		return this.index.subscriptions();
	}

	/** Subscriptions on the collection and its items. */
	public int subscriptions(String collection) {
		return this.index.subscriptions(collection);
	}

	/** Committed notifications waiting for a dispatch thread. */
	public int dispatchQueue() {
		return this.dispatcher.queued();
	}

}
