package dev.tidings.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Scenario (d): N subscribers and one write at a time, first all reading, then with every
 * tenth session no longer reading. Writes carry a body, so the sessions that receive it
 * fill their socket buffers within the run. The others' time to the last of them must not
 * move; the silent ones may be cut off (close 4500), which is not a failure.
 */
final class SlowConsumers {

	private SlowConsumers() {
	}

	static Outcome run(Run run, int size) throws Exception {
		Options options = run.options();
		Target target = run.target();
		Table table = new Table("target", "subscribers", "phase", "writes", "last p50 ms", "last p99 ms",
				"last max ms", "each p99 ms", "silent sessions closed", "checks");
		Map<String, Double> figures = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		Ledger ledger = new Ledger(target.semantics);
		try (Sessions sessions = Sessions.open(target, ledger, size, 1)) {
			Workload workload = new Workload(target, ledger, 3, options.bodyBytes());
			Run.oneAtATime(workload, options.warmup());
			phase(ledger, workload, options.writes());
			Ledger.Verdict before = ledger.verdict();
			table.row(target.name, size, "all read", options.writes(), Table.ms(ledger.latencies().last(), 50),
					Table.ms(ledger.latencies().last(), 99), Table.ms(ledger.latencies().last(), 100),
					Table.ms(ledger.latencies().delivery(), 99), "–", before);
			figures.put("p99 all reading", ledger.latencies().last().getValueAtPercentile(99) / 1000.0);

			List<Subscriber> silent = new ArrayList<>();
			for (Subscriber subscriber : sessions.all()) {
				if (silent.size() * 10 < sessions.all().size() && sessions.all().indexOf(subscriber) % 10 == 0) {
					subscriber.stopReading(ledger.nextSeq());
					silent.add(subscriber);
				}
			}
			ledger.readers(sessions.all());
			phase(ledger, workload, options.writes());
			Run.drain(ledger, ledger.writes(), 10_000);
			ledger.checkMissing(sessions.all());
			Ledger.Verdict verdict = ledger.verdict();
			long closed = silent.stream().filter(Subscriber::isClosed).count();
			Histogram last = ledger.latencies().last();
			table.row(target.name, size, "10% silent", options.writes(), Table.ms(last, 50), Table.ms(last, 99),
					Table.ms(last, 100), Table.ms(ledger.latencies().delivery(), 99), closed + " of " + silent.size(),
					verdict);
			figures.put("p99 10% silent", last.getValueAtPercentile(99) / 1000.0);
			notes.addAll(verdict.problems());
			return new Outcome(table, verdict.passed(), figures, notes);
		}
	}

	private static void phase(Ledger ledger, Workload workload, int writes) throws Exception {
		ledger.latencies().last().reset();
		ledger.latencies().delivery().reset();
		Run.oneAtATime(workload, writes);
	}

}
