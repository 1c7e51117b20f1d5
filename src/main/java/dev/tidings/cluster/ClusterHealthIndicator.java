package dev.tidings.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The cluster's health: {@code UP} while both Redis connections are up, else
 * {@link #DEGRADED}: the instance still serves REST and its own sockets, but other
 * instances' changes do not reach it and its own wait in the buffer. Not {@code DOWN}, so
 * a load balancer keeps sending it traffic; a host that wants the aggregate status to
 * show it lists {@code DEGRADED} in {@code management.endpoint.health.status.order}.
 */
public final class ClusterHealthIndicator implements HealthIndicator {

	/** Working, but without the other instances. */
	public static final Status DEGRADED = new Status("DEGRADED",
			"Redis is unreachable: changes are not exchanged with the other instances");

	private final RedisChangeBus bus;

	public ClusterHealthIndicator(RedisChangeBus bus) {
		this.bus = bus;
	}

	@Override
	public Health health() {
		ClusterStatus status = this.bus.status();
		Health.Builder health = status.connected() ? Health.up() : Health.status(DEGRADED);
		health.withDetail("redis", this.bus.endpoint())
			.withDetail("instance", status.instance())
			.withDetail("connected", status.connected())
			.withDetail("buffered", status.buffered())
			.withDetail("dropped", status.dropped())
			.withDetail("rejected", status.rejected());
		if (status.disconnectedSince() != null) {
			health.withDetail("disconnectedSince", status.disconnectedSince().toString());
		}
		return health.build();
	}

}
