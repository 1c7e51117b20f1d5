package dev.tidings.realtime;

import dev.tidings.events.ChangeFeed;
import dev.tidings.events.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * This instance's realtime state as {@code tidings} under {@code /actuator/health}:
 * {@code UP} once the change feed has started, so that every change committed from then
 * on reaches this instance ({@code OUT_OF_SERVICE} before), whatever the load (a busy
 * endpoint still serves; the meters tell how busy). Details: where the feed stands (the
 * cursor of the last change delivered), the open connections, the subscriptions and the
 * dispatch backlog, or, where the endpoint is off, that it is.
 */
public final class RealtimeHealthIndicator implements HealthIndicator {

	private final @Nullable RealtimeLoad load;

	private final @Nullable ChangeFeed feed;

	/**
	 * @param load the endpoint's load; null where {@code tidings.websockets.enabled} is
	 * off
	 * @param feed the instance's change feed; null where there is none
	 */
	public RealtimeHealthIndicator(@Nullable RealtimeLoad load, @Nullable ChangeFeed feed) {
		this.load = load;
		this.feed = feed;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		if (this.feed != null) {
			Cursor position = this.feed.position();
			if (position == null) {
				health = Health.outOfService();
			}
			health.withDetail("changeFeed", (position != null) ? position.toString() : "starting");
		}
		if (this.load == null) {
			return health.withDetail("websockets", "disabled").build();
		}
		return health.withDetail("connections", this.load.connections())
			.withDetail("subscriptions", this.load.subscriptions())
			.withDetail("dispatchQueue", this.load.dispatchQueue())
			.build();
	}

}
