package dev.tidings.realtime;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * This instance's realtime state as {@code tidings} under {@code /actuator/health}:
 * always {@code UP} (a busy endpoint still serves; the meters tell how busy), with the
 * open connections, the subscriptions and the dispatch backlog as details, or, where the
 * endpoint is off, that it is.
 */
public final class RealtimeHealthIndicator implements HealthIndicator {

	private final @Nullable RealtimeLoad load;

	/**
	 * @param load the endpoint's load; null where {@code tidings.websockets.enabled} is
	 * off
	 */
	public RealtimeHealthIndicator(@Nullable RealtimeLoad load) {
		this.load = load;
	}

	@Override
	public Health health() {
		if (this.load == null) {
			return Health.up().withDetail("websockets", "disabled").build();
		}
		return Health.up()
			.withDetail("connections", this.load.connections())
			.withDetail("subscriptions", this.load.subscriptions())
			.withDetail("dispatchQueue", this.load.dispatchQueue())
			.build();
	}

}
