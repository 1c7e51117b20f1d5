package dev.tidings.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Two HdrHistograms in microseconds: every push's time from the REST response to its
 * arrival, and per write the time until the last matching subscriber had it. A push that
 * arrives before the response counts as zero.
 */
final class Latencies {

	private static final long HOUR_MICROS = 3_600_000_000L;

	private final Histogram delivery = new ConcurrentHistogram(HOUR_MICROS, 3);

	private final Histogram last = new ConcurrentHistogram(HOUR_MICROS, 3);

	void delivery(long nanos) {
		this.delivery.recordValue(micros(nanos));
	}

	void last(long nanos) {
		this.last.recordValue(micros(nanos));
	}

	Histogram delivery() {
		return this.delivery;
	}

	Histogram last() {
		return this.last;
	}

	private static long micros(long nanos) {
		return Math.min(HOUR_MICROS, Math.max(0, nanos / 1000));
	}

}
