package dev.tidings.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Scenario (a): N subscribers, one write at a time; per write, the time from the REST
 * response until the last session owed a push has it. Also the smoke run, with 50.
 */
final class FanOut {

	private FanOut() {
	}

	static Outcome run(Run run, List<Integer> sizes) throws Exception {
		Options options = run.options();
		Table table = new Table("target", "subscribers", "writes", "pushes checked", "last p50 ms", "last p99 ms",
				"last max ms", "each p50 ms", "each p99 ms", "server CPU µs/push", "checks");
		Map<String, Double> figures = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		boolean passed = true;
		for (int size : sizes) {
			Ledger ledger = new Ledger(run.target().semantics);
			try (Sessions sessions = Sessions.open(run.target(), ledger, size)) {
				Workload workload = new Workload(run.target(), ledger, 42, options.bodyBytes());
				Run.oneAtATime(workload, options.warmup());
				Run.drain(ledger, ledger.writes(), 5_000);
				ledger.latencies().delivery().reset();
				ledger.latencies().last().reset();
				long pushesBefore = ledger.pushes();
				long cpuBefore = run.target().cpuMicros();
				Machine.recordStart(run.target().pid, options.jfr());
				Run.oneAtATime(workload, options.writes());
				Machine.recordStop(run.target().pid, options.jfr());
				long cpuAfter = run.target().cpuMicros();
				Run.drain(ledger, ledger.writes(), 10_000);
				ledger.checkMissing(sessions.all());
				Ledger.Verdict verdict = ledger.verdict();
				Histogram last = ledger.latencies().last();
				Histogram each = ledger.latencies().delivery();
				table.row(run.target().name, size, options.writes(), ledger.pushes(), Table.ms(last, 50),
						Table.ms(last, 99), Table.ms(last, 100), Table.ms(each, 50), Table.ms(each, 99),
						Run.cpuPerPush(cpuBefore, cpuAfter, ledger.pushes() - pushesBefore), verdict);
				figures.put("p50@" + size, last.getValueAtPercentile(50) / 1000.0);
				figures.put("p99@" + size, last.getValueAtPercentile(99) / 1000.0);
				passed &= verdict.passed();
				notes.addAll(verdict.problems());
			}
		}
		return new Outcome(table, passed, figures, notes);
	}

}
