package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch work each session caused on one stripe since the stripe was last idle, and
 * who to shed when it falls behind. Each group a notification reaches is charged the time
 * it took (binding its view, re-reading rows, counting {@code meta}, sending) and one
 * group, both shared evenly among the group's sessions: a thousand readers sharing a
 * group cost a thousandth of it each, while a socket with a hundred subscriptions of its
 * own pays for all of them. A session is shed only when it stands out on both counts:
 * time, because one filter can cost a hundred times another, and groups, because one slow
 * group (a cold start, a slow query) says nothing about who caused the load, while a
 * hundred private groups do. Only the stripe's thread uses an instance, so nothing is
 * locked.
 */
final class DispatchLoad {

	/**
	 * How many times the median session's time, and its groups, a session must cost to be
	 * shed.
	 */
	static final double FACTOR = 4;

	private final Map<ClientSession, double[]> costs = new HashMap<>();

	private double total;

	/** Charges one group's time to its sessions, in equal shares. */
	void charge(Collection<? extends ClientSession> sessions, double time) {
		if (sessions.isEmpty()) {
			return;
		}
		double share = time / sessions.size();
		double groups = 1.0 / sessions.size();
		for (ClientSession session : sessions) {
			double[] cost = this.costs.computeIfAbsent(session, (key) -> new double[2]);
			cost[0] += share;
			cost[1] += groups;
		}
		this.total += time;
	}

	/** The time the session cost so far; 0 when it was not charged. */
	double cost(ClientSession session) {
		double[] cost = this.costs.get(session);
		return (cost != null) ? cost[0] : 0;
	}

	/** Forgets everything charged: the stripe caught up, or shed its heaviest. */
	void reset() {
		this.costs.clear();
		this.total = 0;
	}

	/**
	 * The sessions to shed, heaviest first: each costs at least {@link #FACTOR} times the
	 * median charged session (the lower one of an even count) in time and in groups, and
	 * they are taken only until they account for half of all time. Sessions of equal
	 * weight are never shed (no one is heavier than the rest); nor is a lone session.
	 */
	List<ClientSession> heaviest() {
		if (this.costs.size() < 2) {
			return List.of();
		}
		double timeThreshold = FACTOR * median(0);
		double groupThreshold = FACTOR * median(1);
		List<Map.Entry<ClientSession, double[]>> candidates = new ArrayList<>();
		for (Map.Entry<ClientSession, double[]> entry : this.costs.entrySet()) {
			double[] cost = entry.getValue();
			if (cost[0] >= timeThreshold && cost[0] > 0 && cost[1] >= groupThreshold) {
				candidates.add(entry);
			}
		}
		candidates.sort((first, second) -> Double.compare(second.getValue()[0], first.getValue()[0]));
		List<ClientSession> shed = new ArrayList<>();
		double removed = 0;
		for (Map.Entry<ClientSession, double[]> candidate : candidates) {
			if (removed >= this.total / 2) {
				break;
			}
			shed.add(candidate.getKey());
			removed += candidate.getValue()[0];
		}
		return shed;
	}

	private double median(int measure) {
		double[] sorted = this.costs.values().stream().mapToDouble((cost) -> cost[measure]).toArray();
		Arrays.sort(sorted);
		return sorted[(sorted.length - 1) / 2];
	}

}
