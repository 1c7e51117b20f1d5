package dev.tidings.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code SCENARIO [--option value]...}, with defaults per scenario (see
 * bench/README.md).
 */
record Options(String scenario, String targetUrl, long pid, boolean peer, Path peerDir, List<Integer> subscribers,
		int writes, int warmup, double seconds, double burstSeconds, int writers, int bodyBytes, Path jar,
		List<String> jvm, Path results, Path jfr, Attack attack, Path baselineJar, int rounds, int resumers,
		int missed, String command) {

	static final List<String> SCENARIOS = List.of("smoke", "fanout", "throughput", "connections", "slow", "abuse",
			"resume");

	static Options parse(String[] args) {
		if (args.length == 0 || !SCENARIOS.contains(args[0])) {
			throw new IllegalArgumentException("the first argument must be one of " + SCENARIOS);
		}
		String scenario = args[0];
		String targetUrl = null;
		long pid = -1;
		boolean peer = false;
		Path peerDir = null;
		List<Integer> subscribers = switch (scenario) {
			case "smoke" -> List.of(50);
			case "fanout" -> List.of(1_000, 10_000);
			case "connections" -> List.of(19_500);
			default -> List.of(1_000);
		};
		int writes = switch (scenario) {
			case "smoke" -> 40;
			case "slow" -> 150;
			default -> 200;
		};
		int warmup = scenario.equals("smoke") ? 5 : 30;
		double seconds = 20;
		double burstSeconds = 5;
		int writers = 8;
		int bodyBytes = scenario.equals("slow") ? 16_384 : 0;
		Path jar = null;
		List<String> jvm = List.of("-Xmx2g");
		Path results = null;
		Path jfr = null;
		Path baselineJar = null;
		int rounds = 2;
		int resumers = 100;
		int missed = 2_000;
		// the server's defaults: max-sockets-per-user, max-subscriptions-per-socket, max-query-size
		int attackSockets = 20;
		int attackSubscriptions = 100;
		int attackQueryBytes = 16 * 1024;
		int attackDepth = 8;
		int attackMatching = 10;
		long attackExponent = 900_000_000;
		int attackRate = 0;
		for (int i = 1; i < args.length; i++) {
			String name = args[i];
			if (name.equals("--peer")) {
				peer = true;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args[++i];
			switch (name) {
				case "--target" -> targetUrl = value;
				case "--pid" -> pid = Long.parseLong(value);
				case "--peer-dir" -> peerDir = Path.of(value);
				case "--subscribers" -> subscribers = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
				case "--writes" -> writes = Integer.parseInt(value);
				case "--warmup" -> warmup = Integer.parseInt(value);
				case "--seconds" -> seconds = Double.parseDouble(value);
				case "--burst-seconds" -> burstSeconds = Double.parseDouble(value);
				case "--writers" -> writers = Integer.parseInt(value);
				case "--body" -> bodyBytes = Integer.parseInt(value);
				case "--jar" -> jar = Path.of(value);
				case "--jvm" -> jvm = List.of(value.trim().split("\\s+"));
				case "--jfr" -> jfr = Path.of(value);
				case "--baseline-jar" -> baselineJar = Path.of(value);
				case "--rounds" -> rounds = Integer.parseInt(value);
				case "--resumers" -> resumers = Integer.parseInt(value);
				case "--missed" -> missed = Integer.parseInt(value);
				case "--results" -> results = value.equals("none") ? null : Path.of(value);
				case "--attack-sockets" -> attackSockets = Integer.parseInt(value);
				case "--attack-subscriptions" -> attackSubscriptions = Integer.parseInt(value);
				case "--attack-query-bytes" -> attackQueryBytes = Integer.parseInt(value);
				case "--attack-depth" -> attackDepth = Integer.parseInt(value);
				case "--attack-matching" -> attackMatching = Integer.parseInt(value);
				case "--attack-exponent" -> attackExponent = Long.parseLong(value);
				case "--attack-rate" -> attackRate = Integer.parseInt(value);
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		if (targetUrl == null && jar == null) {
			throw new IllegalArgumentException("give --jar (the exec jar to start) or --target URL");
		}
		Attack attack = new Attack(attackSockets, attackSubscriptions, attackQueryBytes, attackDepth, attackMatching,
				attackExponent, attackRate);
		// run.sh passes the command as typed; the tool's own arguments add paths
		String command = System.getenv().getOrDefault("BENCH_COMMAND", String.join(" ", args));
		if (peer && peerDir == null) {
			throw new IllegalArgumentException("--peer needs the Directus peer's directory: --peer-dir DIR "
					+ "(run.sh passes $DIRECTUS_PEER_DIR)");
		}
		return new Options(scenario, targetUrl, pid, peer, peerDir, subscribers, writes, warmup, seconds, burstSeconds,
				writers, bodyBytes, jar, jvm, results, jfr, attack, baselineJar, rounds, resumers, missed, command);
	}

	/** The same scenario, sized for the Directus peer (about a thousand pushes a second). */
	Options forPeer() {
		return new Options(this.scenario, null, -1, false, this.peerDir, List.of(Math.min(this.subscribers.get(0), 1_000)), Math.min(this.writes, 30),
				Math.min(this.warmup, 3), this.seconds, Math.min(this.burstSeconds, 2), this.writers, this.bodyBytes,
				this.jar, this.jvm, this.results, null, this.attack, null, this.rounds, this.resumers, this.missed, this.command);
	}

	/** The same scenario on the build it is compared with. */
	Options forBaseline() {
		return new Options(this.scenario, null, -1, false, null, this.subscribers, this.writes, this.warmup,
				this.seconds, this.burstSeconds, this.writers, this.bodyBytes, this.baselineJar, this.jvm,
				this.results, null, this.attack, null, this.rounds, this.resumers, this.missed, this.command);
	}

}
