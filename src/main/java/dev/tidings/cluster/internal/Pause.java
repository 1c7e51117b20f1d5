package dev.tidings.cluster.internal;

import java.time.Duration;

/** The wait between two connection attempts, cut short when the bus closes. */
final class Pause {

	private Pause() {
	}

	/** Waits; false if interrupted (the bus is closing). */
	static boolean of(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
