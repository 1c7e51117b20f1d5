package dev.tidings.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.tidings.events.ChangeType;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one push and one slow client do to the meters: the push is counted under its event
 * and timed from its commit, even when the commit's clock ran ahead.
 */
class RealtimeMetersTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RealtimeMeters meters = new RealtimeMeters(this.registry);

	@Test
	void pushedWhenWrittenThenCountedUnderItsEventAndTimedFromItsCommit() {
		this.meters.pushed(ChangeType.UPDATE, Instant.now().minus(Duration.ofMillis(250)));

		assertThat(pushes("update")).isOne();
		assertThat(pushes("create")).isZero();
		assertThat(pushes("delete")).isZero();
		Timer latency = this.registry.get("tidings.realtime.push.latency").timer();
		assertThat(latency.count()).isOne();
		assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isBetween(250.0, 10_000.0);
	}

	@Test
	void pushedWhenTheCommitsClockRanAheadThenTimedAsNoWait() {
		this.meters.pushed(ChangeType.CREATE, Instant.now().plus(Duration.ofMinutes(1)));

		assertThat(this.registry.get("tidings.realtime.push.latency").timer().totalTime(TimeUnit.NANOSECONDS)).isZero();
	}

	@Test
	void slowClientClosedThenCounted() {
		this.meters.slowClientClosed();

		assertThat(this.registry.get("tidings.realtime.slow.closes").counter().count()).isOne();
	}

	private double pushes(String event) {
		return this.registry.get("tidings.realtime.pushes").tag("event", event).counter().count();
	}

}
