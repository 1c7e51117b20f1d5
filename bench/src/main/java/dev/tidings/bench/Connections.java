package dev.tidings.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Scenario (c): idle authenticated connections with one subscription each, opened in
 * steps up to N. At each step: the server's heap after a full GC and its resident memory,
 * per connection, against the figures before any connection; how long {@code /server/ping}
 * takes; and a few writes pushed to all of them, checked like any other.
 */
final class Connections {

	private static final int PINGS = 20;

	private Connections() {
	}

	static Outcome run(Run run, int target) throws Exception {
		Target server = run.target();
		Table table = new Table("target", "connections", "open took s", "heap after GC MiB", "heap/connection KB",
				"RSS/connection KB", "ping p50 ms", "ping max ms", "push to all: last p50 ms", "last max ms", "checks");
		Map<String, Double> figures = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		Ledger ledger = new Ledger(server.semantics);
		Workload workload = new Workload(server, ledger, 5, 0);
		Run.oneAtATime(workload, 10); // warms the write path before the baseline
		long heapBefore = Machine.heapAfterGcKib(server.pid);
		String histogram = System.getenv("BENCH_HISTOGRAM");
		if (histogram != null) {
			java.nio.file.Files.writeString(java.nio.file.Path.of(histogram + ".before"), Machine.histogram(server.pid));
		}
		long rssBefore = Machine.rssKib(server.pid);
		List<Sessions> opened = new ArrayList<>();
		List<Subscriber> all = new ArrayList<>();
		boolean passed = true;
		try {
			for (int step : steps(target)) {
				long start = System.nanoTime();
				Sessions sessions = Sessions.open(server, ledger, step - all.size());
				double took = (System.nanoTime() - start) / 1e9;
				opened.add(sessions);
				all.addAll(sessions.all());
				ledger.readers(all);
				long heap = Machine.heapAfterGcKib(server.pid);
				if (histogram != null) {
					java.nio.file.Files.writeString(java.nio.file.Path.of(histogram + "." + step),
							Machine.histogram(server.pid));
				}
				long rss = Machine.rssKib(server.pid);
				Histogram pings = new Histogram(3);
				for (int i = 0; i < PINGS; i++) {
					pings.recordValue(server.rest.ping());
				}
				int first = ledger.writes().size();
				ledger.latencies().last().reset();
				Run.oneAtATime(workload, 5);
				Run.drain(ledger, ledger.writes().subList(first, ledger.writes().size()), 10_000);
				Histogram last = ledger.latencies().last();
				ledger.checkMissing(all);
				Ledger.Verdict verdict = ledger.verdict();
				passed &= verdict.passed();
				double perConnection = (heap - heapBefore) / (double) step;
				table.row(server.name, step, String.format("%.1f", took),
						(heap < 0) ? "–" : String.format("%.0f", heap / 1024.0),
						(heap < 0) ? "–" : String.format("%.1f", perConnection),
						(rssBefore < 0) ? "–" : String.format("%.1f", (rss - rssBefore) / (double) step),
						Table.ms(pings, 50), Table.ms(pings, 100), Table.ms(last, 50), Table.ms(last, 100), verdict);
				figures.put("heap KB/connection@" + step, perConnection);
				if (!verdict.passed()) {
					notes.addAll(verdict.problems());
					break;
				}
			}
		}
		finally {
			opened.forEach(Sessions::close);
		}
		return new Outcome(table, passed, figures, notes);
	}

	private static List<Integer> steps(int target) {
		List<Integer> steps = new ArrayList<>();
		for (int step : new int[] { 1_000, 5_000, 10_000 }) {
			if (step < target) {
				steps.add(step);
			}
		}
		steps.add(target);
		return steps;
	}

}
