package dev.tidings.realtime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import dev.tidings.events.ChangeType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@link RealtimeMetrics} as Micrometer meters, all registered up front, so a push only
 * increments a counter it already holds and records one time:
 * <ul>
 * <li>{@code tidings.realtime.pushes}, tagged {@code event}: pushes written to
 * sockets;</li>
 * <li>{@code tidings.realtime.push.latency}: from a change's commit to the write of its
 * push, with a histogram for percentiles across instances;</li>
 * <li>{@code tidings.realtime.slow.closes}: sockets cut off for not keeping up.</li>
 * </ul>
 */
public final class RealtimeMeters implements RealtimeMetrics {

	private final Counter[] pushes = new Counter[ChangeType.values().length];

	private final Timer latency;

	private final Counter slowCloses;

	public RealtimeMeters(MeterRegistry registry) {
		for (ChangeType event : ChangeType.values()) {
			this.pushes[event.ordinal()] = Counter.builder("tidings.realtime.pushes")
				.description("Pushes written to WebSocket clients")
				.tag("event", event.token())
				.register(registry);
		}
		this.latency = Timer.builder("tidings.realtime.push.latency")
			.description("Time from a change's commit to the write of its push to a WebSocket client")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		this.slowCloses = Counter.builder("tidings.realtime.slow.closes")
			.description("WebSocket clients cut off because they did not take their frames fast enough")
			.register(registry);
	}

	@Override
	public void pushed(ChangeType event, Instant committedAt) {
		this.pushes[event.ordinal()].increment();
		// another instance's clock may run ahead of this one
		long nanos = Math.max(0, committedAt.until(Instant.now(), ChronoUnit.NANOS));
		this.latency.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void slowClientClosed() {
		this.slowCloses.increment();
	}

}
