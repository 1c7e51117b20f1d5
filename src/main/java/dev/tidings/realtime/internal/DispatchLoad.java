package dev.tidings.realtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch work each session caused on one stripe since the stripe was last idle, and
 * who to shed when it falls behind. Work is the time each group a notification reaches
 * took (binding its view, re-reading rows, counting {@code meta}, sending), shared evenly
 * among the group's sessions: a thousand readers sharing a group cost a thousandth of it
 * each, while a socket with a hundred heavy subscriptions of its own pays for all of
 * them. Time, not a count of groups, because one subscription's filter can cost a hundred
 * times another's. Only the stripe's thread uses an instance, so nothing is locked.
 */
final class DispatchLoad {

	/** How many times the median session's work a session must cost to be shed. */
	static final double FACTOR = 4;

	private final Map<ClientSession, double[]> costs = new HashMap<>();

	private double total;

	/** Charges the units of one group to its sessions, in equal shares. */
	void charge(Collection<? extends ClientSession> sessions, double units) {
		if (sessions.isEmpty()) {
			return;
		}
		double share = units / sessions.size();
		for (ClientSession session : sessions) {
			this.costs.computeIfAbsent(session, (key) -> new double[1])[0] += share;
		}
		this.total += units;
	}

	/** What the session cost so far; 0 when it was not charged. */
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
	 * median charged session (the lower one of an even count), and they are taken only
	 * until they account for half of all work. Sessions of equal weight are never shed
	 * (no one is heavier than the rest); nor is a lone session.
	 */
	List<ClientSession> heaviest() {
		if (this.costs.size() < 2) {
			return List.of();
		}
		double[] sorted = this.costs.values().stream().mapToDouble((cost) -> cost[0]).toArray();
		Arrays.sort(sorted);
		double threshold = FACTOR * sorted[(sorted.length - 1) / 2];
		List<Map.Entry<ClientSession, double[]>> candidates = new ArrayList<>();
		for (Map.Entry<ClientSession, double[]> entry : this.costs.entrySet()) {
			if (entry.getValue()[0] >= threshold && entry.getValue()[0] > 0) {
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

}
