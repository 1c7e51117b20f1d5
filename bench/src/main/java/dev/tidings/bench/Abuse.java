package dev.tidings.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Scenario (e): N honest subscribers and one write at a time, first alone, then while one
 * hostile Reader ({@link Attacker}) holds every socket and subscription the server allows
 * it, with heavy filters, and churns subscriptions and malformed frames. The honest
 * sessions' time from the REST response to the last of them owed a push (as in (a)) should
 * stay within 20% of what it was without the attacker, and their checks must pass; what
 * the attacker sent and got is counted, not checked. The honest sessions are spread over
 * accounts of their roles, each with at most half of {@link Attack#sockets()} sockets, so
 * only the attacker meets the per-user limits, also when told to open more than the server
 * allows.
 */
final class Abuse {

	/** The target: the honest p99 with the attacker at most 20% above it without. */
	private static final double TARGET = 1.2;

	private Abuse() {
	}

	static Outcome run(Run run, int size) throws Exception {
		Options options = run.options();
		Target target = run.target();
		Attack attack = options.attack();
		Table honest = new Table("target", "subscribers", "phase", "writes", "pushes checked", "last p50 ms",
				"last p99 ms", "last max ms", "each p99 ms", "cores used: server / tool", "checks");
		Map<String, Double> figures = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		// half the attacker's sockets: under the server's limit even when the attacker is told more
		long created = System.nanoTime();
		Accounts accounts = Accounts.create(target, size, Math.max(1, attack.sockets() / 2));
		System.out.printf("  %d honest accounts created and logged in in %.1f s%n", accounts.count(),
				(System.nanoTime() - created) / 1e9);
		Ledger ledger = new Ledger(target.semantics);
		Table hostile;
		String ratio;
		Ledger.Verdict verdict;
		try (Sessions sessions = Sessions.open(target, ledger, size, Subscriber.DEMAND, accounts::next)) {
			Workload workload = new Workload(target, ledger, 13, options.bodyBytes());
			Run.oneAtATime(workload, options.warmup());
			Run.drain(ledger, ledger.writes(), 5_000);

			Phase alone = Phase.measure(run, ledger, workload, sessions);
			alone.row(honest, target, size, "alone", options.writes());
			System.out.println("  alone: last p99 " + Table.ms(alone.last(), 99) + " ms; starting the attacker");
			Phase attacked;
			try (Attacker attacker = Attacker.start(target, attack)) {
				long start = System.nanoTime();
				boolean filled = attacker.awaitFilled(180_000);
				int openBefore = attacker.open();
				int heldBefore = attacker.held();
				System.out.printf("  attacker filled in %.1f s: %d sockets, %d subscriptions%n",
						(System.nanoTime() - start) / 1e9, openBefore, heldBefore);
				Map<String, Long> before = attacker.tally().snapshot();
				attacked = Phase.measure(run, ledger, workload, sessions);
				attacked.row(honest, target, size, "with the attacker", options.writes());
				hostile = attackerTable(attack, attacker, filled, openBefore, heldBefore, before, attacked.seconds());
			}
			verdict = attacked.verdict();
			double withP99 = attacked.last().getValueAtPercentile(99) / 1000.0;
			double aloneP99 = alone.last().getValueAtPercentile(99) / 1000.0;
			double quotient = withP99 / aloneP99;
			figures.put("p99 alone", aloneP99);
			figures.put("p99 with the attacker", withP99);
			figures.put("p99 ratio", quotient);
			ratio = String.format("Honest last-session p99 with the attacker / alone: %.1f / %.1f ms = **%.2f** "
					+ "(target at most %.2f: %s).%n", withP99, aloneP99, quotient, TARGET,
					(quotient <= TARGET) ? "met" : "NOT met");
			notes.addAll(verdict.problems());
		}
		return new Outcome(honest, verdict.passed(), figures, notes, ratio + "\n" + hostile.markdown());
	}

	/**
	 * What the attacker held, sent and got: over the whole attack, and frames a second over
	 * the measured phase.
	 */
	private static Table attackerTable(Attack attack, Attacker attacker, boolean filled, int openBefore,
			int heldBefore, Map<String, Long> before, double seconds) {
		Tally tally = attacker.tally();
		Table table = new Table("attacker (one Reader)", "count");
		table.row("sockets open after filling, of " + attack.sockets() + " allowed",
				openBefore + (filled ? "" : " (filling timed out)"));
		table.row("subscriptions held after filling, of " + attack.sockets() * attack.subscriptions() + " allowed",
				heldBefore);
		table.row("sockets open / subscriptions held at the end", attacker.open() + " / " + attacker.held());
		long sentBefore = before.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("sent: "))
			.mapToLong(Map.Entry::getValue)
			.sum();
		long sent = tally.sum("sent: ");
		table.row("frames sent", sent);
		table.row("frames a second during the measured phase", String.format("%,.0f", (sent - sentBefore) / seconds));
		table.row("frames answered with an error", tally.sum("answered: error "));
		long shed = tally.sum("closed 4500");
		table.row("shed with close 4500", (shed > 0) ? "yes, " + shed + " times" : "no");
		tally.snapshot().forEach((name, count) -> table.row(name, count));
		return table;
	}

	/**
	 * One measured phase: its writes one at a time, their pushes drained, the checks of
	 * every write so far.
	 */
	private record Phase(Histogram last, Histogram each, long pushes, String cores, double seconds,
			Ledger.Verdict verdict) {

		static Phase measure(Run run, Ledger ledger, Workload workload, Sessions sessions) throws Exception {
			Target target = run.target();
			ledger.latencies().last().reset();
			ledger.latencies().delivery().reset();
			long pushesBefore = ledger.pushes();
			long cpuBefore = target.cpuMicros();
			long ownBefore = Machine.cpuMicros(ProcessHandle.current().pid());
			long start = System.nanoTime();
			Run.oneAtATime(workload, run.options().writes());
			Run.drain(ledger, ledger.writes(), 10_000);
			long wall = System.nanoTime() - start;
			String cores = Run.cores(target.cpuMicros() - cpuBefore, wall) + " / "
					+ Run.cores(Machine.cpuMicros(ProcessHandle.current().pid()) - ownBefore, wall);
			ledger.checkMissing(sessions.all());
			return new Phase(ledger.latencies().last().copy(), ledger.latencies().delivery().copy(),
					ledger.pushes() - pushesBefore, cores, wall / 1e9, ledger.verdict());
		}

		void row(Table table, Target target, int size, String phase, int writes) {
			table.row(target.name, size, phase, writes, this.pushes, Table.ms(this.last, 50), Table.ms(this.last, 99),
					Table.ms(this.last, 100), Table.ms(this.each, 99), this.cores, this.verdict);
		}

	}

}
