package dev.tidings.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Scenario (b): REST creates as fast as several writers get them through, first with no
 * subscriber, then with N; and the authorised pushes delivered per second when writers
 * keep a bounded number of writes in flight (a write is in flight until every session
 * owed its push has it), so the figure is what the server sustains, not a queue filling.
 */
final class Throughput {

	private Throughput() {
	}

	static Outcome run(Run run, int size) throws Exception {
		Options options = run.options();
		Target target = run.target();
		Map<String, Double> figures = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();

		Ledger idle = new Ledger(target.semantics);
		Workload warm = new Workload(target, idle, 7, 0);
		creates(warm, options.writers(), 10, false);
		long cpuAlone = target.cpuMicros();
		long ownAlone = Machine.cpuMicros(ProcessHandle.current().pid());
		long startAlone = System.nanoTime();
		double alone = creates(warm, options.writers(), options.seconds(), false);
		String aloneCores = Run.cores(target.cpuMicros() - cpuAlone, System.nanoTime() - startAlone) + " / "
				+ Run.cores(Machine.cpuMicros(ProcessHandle.current().pid()) - ownAlone, System.nanoTime() - startAlone);

		Ledger ledger = new Ledger(target.semantics);
		double pushRate;
		double sustainedCreates;
		double withSubscribers;
		String cpu;
		String sustainedCores;
		Ledger.Verdict verdict;
		try (Sessions sessions = Sessions.open(target, ledger, size)) {
			Workload workload = new Workload(target, ledger, 11, 0);
			creates(workload, options.writers(), 3, true);
			Run.drain(ledger, ledger.writes(), 10_000);
			int first = ledger.writes().size();
			long pushesBefore = ledger.pushes();
			long cpuBefore = target.cpuMicros();
			long ownBefore = Machine.cpuMicros(ProcessHandle.current().pid());
			long start = System.nanoTime();
			Machine.recordStart(target.pid, options.jfr());
			sustainedCreates = creates(workload, options.writers(), options.seconds(), true);
			Machine.recordStop(target.pid, options.jfr());
			List<Write> measured = ledger.writes().subList(first, ledger.writes().size());
			Run.drain(ledger, measured, 30_000);
			long end = measured.stream().mapToLong(Write::lastArrival).max().orElse(start);
			long cpuAfter = target.cpuMicros();
			long ownAfter = Machine.cpuMicros(ProcessHandle.current().pid());
			long pushes = ledger.pushes() - pushesBefore;
			sustainedCores = Run.cores(cpuAfter - cpuBefore, end - start) + " / " + Run.cores(ownAfter - ownBefore, end - start);
			pushRate = pushes / ((end - start) / 1e9);
			cpu = Run.cpuPerPush(cpuBefore, cpuAfter, pushes);

			withSubscribers = creates(workload, options.writers(), options.burstSeconds(), false);
			Run.drain(ledger, ledger.writes(), 30_000);
			ledger.checkMissing(sessions.all());
			verdict = ledger.verdict();
			notes.addAll(verdict.problems());
		}
		Table table = new Table("target", "subscribers", "pushes/s (authorised, delivered)", "creates/s then",
				"server CPU µs/push", "cores used: server / tool", "creates/s, no subscriber", "cores used: server / tool", "creates/s, " + size + " subscribers", "ratio",
				"checks");
		table.row(target.name, size, Table.number(pushRate), Table.number(sustainedCreates), cpu, sustainedCores, Table.number(alone), aloneCores,
				Table.number(withSubscribers), String.format("%.0f%%", 100 * withSubscribers / alone), verdict);
		figures.put("pushes/s", pushRate);
		figures.put("creates/s alone", alone);
		figures.put("creates/s with subscribers", withSubscribers);
		return new Outcome(table, verdict.passed(), figures, notes);
	}

	/**
	 * Creates from {@code writers} threads for that many seconds; returns creates per
	 * second. Bounded: each writer waits for its oldest write's pushes once it has
	 * {@value #IN_FLIGHT} in flight.
	 */
	private static double creates(Workload workload, int writers, double seconds, boolean bounded) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		long start = System.nanoTime();
		long deadline = start + (long) (seconds * 1e9);
		List<Future<Integer>> counts = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			counts.add(pool.submit(() -> {
				Deque<Write> inFlight = new ArrayDeque<>();
				int count = 0;
				while (System.nanoTime() < deadline) {
					if (bounded && inFlight.size() >= IN_FLIGHT) {
						inFlight.removeFirst().await(60_000);
					}
					inFlight.addLast(workload.create());
					count++;
				}
				return count;
			}));
		}
		int total = 0;
		for (Future<Integer> count : counts) {
			total += count.get();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		return total / elapsed;
	}

	private static final int IN_FLIGHT = 8;

}
