package dev.tidings.cluster;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The cluster's link as Micrometer meters, read from {@link RedisChangeBus#status()} when
 * they are scraped: {@code tidings.cluster.lag}, {@code tidings.cluster.buffered} and
 * {@code tidings.cluster.dropped} (see {@link ClusterStatus} for what each counts).
 */
public final class ClusterMeters implements MeterBinder {

	private final RedisChangeBus bus;

	public ClusterMeters(RedisChangeBus bus) {
		this.bus = bus;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TimeGauge.builder("tidings.cluster.lag", this.bus, TimeUnit.NANOSECONDS, (bus) -> bus.status().lag().toNanos())
			.description("Time the last change read from the Redis stream took from its commit to its reading here")
			.register(registry);
		Gauge.builder("tidings.cluster.buffered", this.bus, (bus) -> bus.status().buffered())
			.description("This instance's changes Redis has not given back yet")
			.register(registry);
		FunctionCounter.builder("tidings.cluster.dropped", this.bus, (bus) -> bus.status().dropped())
			.description("Changes dropped from the full buffer while Redis was unreachable, never seen by the others")
			.register(registry);
	}

}
