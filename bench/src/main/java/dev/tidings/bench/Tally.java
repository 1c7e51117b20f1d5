package dev.tidings.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Named counts from many threads: what the attacker sent, and how the server answered. */
final class Tally {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void add(String name) {
		this.counts.computeIfAbsent(name, (key) -> new LongAdder()).increment();
	}

	long get(String name) {
		LongAdder count = this.counts.get(name);
		return (count != null) ? count.sum() : 0;
	}

	/** The sum of every count whose name starts with the prefix. */
	long sum(String prefix) {
		return snapshot().entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/** Every count, by name. */
	Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((name, count) -> snapshot.put(name, count.sum()));
		return snapshot;
	}

}
