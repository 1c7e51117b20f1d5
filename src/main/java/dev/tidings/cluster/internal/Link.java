package dev.tidings.cluster.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance is connected to the others (its reader and writer both are), and
 * what the log says about it: one warning when an outage begins, one line when it ends,
 * never one per change. Not thread-safe: the {@link Relay} guards it.
 */
final class Link {

	private static final Logger logger = LoggerFactory.getLogger(Relay.class);

	private final String endpoint;

	private boolean readerUp;

	private boolean writerUp;

	private boolean positioned;

	private boolean everConnected;

	private boolean outageReported;

	private @Nullable Instant disconnectedSince = Instant.now();

	private long droppedThisOutage;

	Link(String endpoint) {
		this.endpoint = endpoint;
	}

	boolean connected() {
		return this.readerUp && this.writerUp;
	}

	/** Whether the reader has found its place in the stream at least once. */
	boolean positioned() {
		return this.positioned;
	}

	@Nullable Instant disconnectedSince() {
		return this.disconnectedSince;
	}

	void readerUp(int buffered) {
		this.readerUp = true;
		this.positioned = true;
		changed(buffered);
	}

	void writerUp(int buffered) {
		this.writerUp = true;
		changed(buffered);
	}

	void readerDown(Exception cause, int capacity) {
		this.readerUp = false;
		lost(cause, capacity);
	}

	void writerDown(Exception cause, int capacity) {
		this.writerUp = false;
		lost(cause, capacity);
	}

	/** Counts an entry dropped for the others; true for the first of this outage. */
	boolean dropped() {
		return this.droppedThisOutage++ == 0;
	}

	private void lost(Exception cause, int capacity) {
		if (this.disconnectedSince == null) {
			this.disconnectedSince = Instant.now();
		}
		if (!this.outageReported) {
			this.outageReported = true;
			String what = this.everConnected ? "Lost the connection to Redis at " : "Cannot connect to Redis at ";
			logger.warn(
					"{}{} ({}): this instance pushes its own changes directly and keeps up to {} for the "
							+ "other instances until Redis answers again",
					what, this.endpoint, cause.toString(), capacity);
		}
	}

	private void changed(int buffered) {
		if (!connected()) {
			return;
		}
		if (this.everConnected || this.outageReported) {
			Duration outage = Duration
				.between((this.disconnectedSince != null) ? this.disconnectedSince : Instant.now(), Instant.now());
			logger.info("Connected to Redis at {} again after {} ms: publishing {} buffered entries{}", this.endpoint,
					outage.toMillis(), buffered,
					(this.droppedThisOutage > 0) ? "; " + this.droppedThisOutage + " were dropped" : "");
		}
		else {
			logger.info("Connected to Redis at {}: changes reach every instance through the stream", this.endpoint);
		}
		this.everConnected = true;
		this.outageReported = false;
		this.droppedThisOutage = 0;
		this.disconnectedSince = null;
	}

}
