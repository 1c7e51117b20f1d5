package dev.tidings.bench;

import java.util.List;

/**
 * What every scenario shares: its options, the target, and the steps of driving writes
 * one at a time and waiting for the pushes they owe.
 *
 * @param options the command line
 * @param target the server under test
 */
record Run(Options options, Target target) {

	/**
	 * Sends {@code count} writes of the lifecycle mix, each after the previous one reached
	 * every session it was owed to (or the time-out passed).
	 */
	static void oneAtATime(Workload workload, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			workload.next().await(30_000);
		}
	}

	/** Waits until every owed push came, or nothing came for {@code quietMillis}. */
	static void drain(Ledger ledger, List<Write> writes, long quietMillis) throws InterruptedException {
		long lastCount = -1;
		long lastChange = System.currentTimeMillis();
		while (true) {
			long owed = writes.stream().mapToLong(Write::expectedPushes).sum();
			long got = writes.stream().mapToLong(Write::received).sum();
			if (got >= owed) {
				return;
			}
			if (got != lastCount) {
				lastCount = got;
				lastChange = System.currentTimeMillis();
			}
			else if (System.currentTimeMillis() - lastChange > quietMillis) {
				return;
			}
			Thread.sleep(50);
		}
	}

	/** Server CPU per push in microseconds over a measured span, or "–". */
	static String cpuPerPush(long cpuBefore, long cpuAfter, long pushes) {
		if (cpuBefore < 0 || cpuAfter < 0 || pushes == 0) {
			return "–";
		}
		return String.format("%.1f", (cpuAfter - cpuBefore) / (double) pushes);
	}

	/** Cores a process used over a span: its CPU time over the wall time, or "–". */
	static String cores(long cpuMicros, long wallNanos) {
		return (cpuMicros < 0) ? "–" : String.format("%.2f", cpuMicros * 1000.0 / wallNanos);
	}

}
