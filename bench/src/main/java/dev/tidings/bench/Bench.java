package dev.tidings.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load tool's entry point: {@code SCENARIO [options]} (bench/README.md). Starts Tidings
 * from the exec jar (or uses {@code --target}), runs the scenario, with {@code --peer} runs
 * it again against the Directus peer, prints the tables and writes them to RESULTS.md.
 * Exits 1 when a correctness check failed anywhere.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.exit(2);
			return;
		}
		String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		Machine.Contention contention = new Machine.Contention().start();
		List<String> report = new ArrayList<>();
		boolean passed = true;

		Outcome ours;
		if (options.targetUrl() != null) {
			Target target = new Target("tidings", URI.create(options.targetUrl()), Semantics.TIDINGS, options.pid(),
					System.getenv().getOrDefault("ADMIN_PASSWORD", Server.ADMIN_PASSWORD))
				.login();
			ours = scenario(new Run(options, target));
		}
		else if (options.scenario().equals("resume") && options.baselineJar() != null) {
			ours = Resume.compare(options, (jar) -> Server.start(jar, options.jvm(), serverArguments(options)), report);
		}
		else {
			try (Server server = Server.start(options.jar(), options.jvm(), serverArguments(options))) {
				Target target = new Target("tidings", server.url(), Semantics.TIDINGS, server.pid(),
						Server.ADMIN_PASSWORD)
					.login();
				ours = scenario(new Run(options, target));
				server.problems().forEach((line) -> report.add("server log: " + line));
			}
		}
		passed &= ours.passed();
		Outcome theirs = null;
		String peerNote = null;
		if (options.peer() && (options.scenario().equals("fanout") || options.scenario().equals("throughput"))) {
			try (Peer peer = Peer.start(options.peerDir())) {
				Target target = new Target("directus 11.17.4", peer.url(), Semantics.DIRECTUS, peer.pid(),
						Peer.ADMIN_PASSWORD)
					.login();
				theirs = scenario(new Run(options.forPeer(), target));
				passed &= theirs.passed();
			}
			catch (Exception ex) {
				peerNote = "The Directus peer could not be run on this machine, so only Tidings' figures are reported: "
						+ ex.getMessage();
				System.err.println(peerNote);
			}
		}

		StringBuilder section = new StringBuilder();
		section.append("### ").append(title(options.scenario())).append("\n\n");
		section.append("- date: ").append(started).append("\n");
		section.append("- commit: ").append(Results.commit(Path.of("."))).append("\n");
		section.append("- command: `").append(options.command()).append("`\n");
		section.append("- machine: ").append(Machine.describe()).append("\n");
		section.append("- server: ")
			.append((options.targetUrl() != null) ? options.targetUrl()
					: "standalone exec jar, JVM `" + String.join(" ", options.jvm()) + "`, H2")
			.append("; load tool on the same cores\n");
		section.append("- other builds on the machine: ").append(contention.describe()).append("\n\n");
		section.append(ours.table().markdown());
		if (!ours.more().isEmpty()) {
			section.append("\n").append(ours.more());
		}
		if (theirs != null) {
			section.append("\n").append(theirs.table().markdown());
			section.append("\n").append(ratios(ours.figures(), theirs.figures()).markdown());
		}
		if (peerNote != null) {
			section.append("\n").append(peerNote).append("\n");
		}

		System.out.println();
		System.out.println(section);
		List<String> notes = new ArrayList<>(ours.notes());
		if (theirs != null) {
			theirs.notes().forEach((note) -> notes.add("directus: " + note));
		}

		notes.addAll(report);
		notes.forEach((note) -> System.out.println("  " + note));
		if (options.results() != null) {
			Results.update(options.results(), options.scenario(), section.toString());
			System.out.println("Updated " + options.results());
		}
		int runs = (theirs != null) ? 2 : 1;
		int failed = (ours.passed() ? 0 : 1) + ((theirs == null || theirs.passed()) ? 0 : 1);
		System.out.println(passed ? "All correctness checks passed." : "CORRECTNESS CHECKS FAILED.");
		System.out.println("checks: " + (runs - failed) + " passed, " + failed + " failed");
		System.exit(passed ? 0 : 1);
	}

	private static Outcome scenario(Run run) throws Exception {
		Options options = run.options();
		System.out.println("Running " + options.scenario() + " against " + run.target().name + " at "
				+ run.target().base + " ...");
		return switch (options.scenario()) {
			case "smoke", "fanout" -> FanOut.run(run, options.subscribers());
			case "throughput" -> Throughput.run(run, options.subscribers().get(0));
			case "connections" -> Connections.run(run, options.subscribers().get(0));
			case "slow" -> SlowConsumers.run(run, options.subscribers().get(0));
			case "abuse" -> Abuse.run(run, options.subscribers().get(0));
			case "resume" -> Resume.run(run);
			default -> throw new IllegalArgumentException(options.scenario());
		};
	}

	/**
	 * The server's defaults, but for the other scenarios no limit on sockets per user and
	 * no work budget per user: they share one account per role over up to 10,000 sockets,
	 * whose subscribes together cost one account seconds of CPU. Scenario (e) keeps both
	 * and spreads its honest sessions over accounts instead, so its attacker meets them.
	 */
	private static List<String> serverArguments(Options options) {
		return options.scenario().equals("abuse") ? List.of()
				: List.of("--tidings.websockets.max-sockets-per-user=" + Integer.MAX_VALUE,
						"--tidings.websockets.max-work-per-second=0");
	}

	private static String title(String scenario) {
		return switch (scenario) {
			case "smoke" -> "Smoke: 50 subscribers, every check";
			case "fanout" -> "(a) Fan-out: one write at a time";
			case "throughput" -> "(b) Throughput";
			case "connections" -> "(c) Idle connections";
			case "slow" -> "(d) Slow consumers";
			case "abuse" -> "(e) Abuse: one hostile Reader among honest subscribers";
			case "resume" -> "(f) Resume: durable publication's cost, and catching up";
			default -> scenario;
		};
	}

	/** Directus's figure over ours for times, ours over Directus's for rates. */
	private static Table ratios(Map<String, Double> ours, Map<String, Double> theirs) {
		Table table = new Table("figure", "Tidings", "Directus", "Tidings advantage");
		ours.forEach((name, value) -> {
			Double other = theirs.get(name);
			if (other != null) {
				boolean rate = name.contains("/s");
				double advantage = rate ? value / other : other / value;
				table.row(name, String.format("%,.1f", value), String.format("%,.1f", other),
						String.format("%.0f×", advantage));
			}
		});
		return table;
	}

}
