package dev.tidings.realtime;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The realtime endpoint's load as Micrometer gauges, read when they are scraped:
 * {@code tidings.realtime.connections}, {@code tidings.realtime.subscriptions} per
 * {@code collection} (one gauge for each collection of the schema, the only ones a client
 * can subscribe to) and {@code tidings.realtime.dispatch.queue}.
 */
public final class RealtimeGauges implements MeterBinder {

	private final RealtimeLoad load;

	private final SchemaRegistry schemas;

	public RealtimeGauges(RealtimeLoad load, SchemaRegistry schemas) {
		this.load = load;
		this.schemas = schemas;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("tidings.realtime.connections", this.load, RealtimeLoad::connections)
			.description("Open WebSocket connections, still authenticating or served")
			.register(registry);
		for (CollectionSchema collection : this.schemas.collections()) {
			String name = collection.name();
			Gauge.builder("tidings.realtime.subscriptions", this.load, (load) -> load.subscriptions(name))
				.description("Realtime subscriptions, per collection")
				.tag("collection", name)
				.register(registry);
		}
		Gauge.builder("tidings.realtime.dispatch.queue", this.load, RealtimeLoad::dispatchQueue)
			.description("Committed changes waiting for a dispatch thread")
			.register(registry);
	}

}
