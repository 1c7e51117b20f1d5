package dev.tidings.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The cluster's health, on top of this instance's own: the instance's status and details
 * while both Redis connections are up, else {@link #DEGRADED}: the instance still serves
 * REST and its own sockets, but other instances' changes do not reach it and its own wait
 * in the buffer. Not {@code DOWN}, so a load balancer keeps sending it traffic; a host
 * that wants the aggregate status to show it lists {@code DEGRADED} in
 * {@code management.endpoint.health.status.order}.
 */
public final class ClusterHealthIndicator implements HealthIndicator {

	/** Working, but without the other instances. */
	public static final Status DEGRADED = new Status("DEGRADED",
			"Redis is unreachable: changes are not exchanged with the other instances");

	private final RedisChangeBus bus;

	private final HealthIndicator local;

	/**
	 * @param local this instance's own health (its realtime endpoint), whose details come
	 * first
	 */
	public ClusterHealthIndicator(RedisChangeBus bus, HealthIndicator local) {
		this.bus = bus;
		this.local = local;
	}

	@Override
	public Health health() {
		Health own = this.local.health();
		ClusterStatus status = this.bus.status();
		Health.Builder health = status.connected() ? Health.status(own.getStatus()) : Health.status(DEGRADED);
		health.withDetails(own.getDetails())
			.withDetail("redis", this.bus.endpoint())
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
