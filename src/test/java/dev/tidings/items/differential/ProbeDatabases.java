package dev.tidings.items.differential;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The probe databases of one test class: each started by the first try that needs it,
 * shared by the class's tries, and closed together after the class.
 */
final class ProbeDatabases {

	private final Map<ProbeDatabase.Kind, ProbeDatabase> started = new EnumMap<>(ProbeDatabase.Kind.class);

	private final Function<ProbeDatabase.Kind, ProbeDatabase> start;

	ProbeDatabases() {
		this(ProbeDatabase::start);
	}

	ProbeDatabases(Function<ProbeDatabase.Kind, ProbeDatabase> start) {
		this.start = start;
	}

	synchronized ProbeDatabase get(ProbeDatabase.Kind kind) {
		return this.started.computeIfAbsent(kind, this.start);
	}

	synchronized void close() {
		this.started.values().forEach(ProbeDatabase::close);
		this.started.clear();
	}

}
