package dev.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario resume: what durable publication costs, and what resuming gives back.
 * <ul>
 * <li>Cost: (a) and (b) at the first subscriber count, on this build and on the baseline
 * build ({@code --baseline-jar}: run.sh builds the last commit before the change log), in
 * turns, baseline first, {@code --rounds} times, each on a fresh server, so that neither
 * build meets a warmer load tool than the other; the figures are the means of the
 * rounds.</li>
 * <li>Catch-up: sessions subscribe and keep the cursor of their {@code init}, disconnect,
 * miss {@code --missed} creates, and subscribe again with {@code since}; per session, the
 * time from that subscribe to the last missed change. Each must answer
 * {@code resumed: true} and then bring exactly the missed creates, each once, with
 * rising cursors, and then a live write once.</li>
 * </ul>
 */
final class Resume {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Resume() {
	}

	/** Starts a server from an exec jar. */
	interface Servers {

		Server start(Path jar) throws Exception;

	}

	/**
	 * The rounds on both builds, then the catch-up on this one; the outcome is this build's,
	 * with every round's tables and the two builds' mean figures side by side.
	 */
	static Outcome compare(Options options, Servers servers, List<String> report) throws Exception {
		List<Map<String, Double>> ours = new ArrayList<>();
		List<Map<String, Double>> before = new ArrayList<>();
		StringBuilder rounds = new StringBuilder();
		boolean passed = true;
		Outcome last = null;
		for (int round = 1; round <= options.rounds(); round++) {
			Outcome baseline = on(servers, options.baselineJar(), "baseline", options.forBaseline(), report,
					Resume::cost);
			boolean lastRound = round == options.rounds();
			Outcome current = on(servers, options.jar(), "tidings", options, report,
					lastRound ? Resume::run : Resume::cost);
			passed &= baseline.passed() && current.passed();
			before.add(baseline.figures());
			ours.add(current.figures());
			rounds.append("Round ").append(round).append(", baseline then this build:\n\n");
			rounds.append(baseline.table().markdown()).append("\n").append(baseline.more()).append("\n");
			rounds.append(lastRound ? current.more() : current.table().markdown() + "\n" + current.more())
				.append("\n");
			if (lastRound) {
				last = current;
			}
			report.addAll(baseline.notes().stream().map((note) -> "baseline: " + note).toList());
		}
		Map<String, Double> mean = mean(ours);
		String more = "Durable publication's cost, at " + options.subscribers().get(0) + " subscribers, means of "
				+ options.rounds() + " rounds (rates: below 100% is a loss; times: above 100% is):\n\n"
				+ change(mean, mean(before)).markdown() + "\n" + rounds;
		return new Outcome(last.table(), passed && last.passed(), mean, last.notes(), more);
	}

	private interface Scenario {

		Outcome run(Run run) throws Exception;

	}

	private static Outcome on(Servers servers, Path jar, String name, Options options, List<String> report,
			Scenario scenario) throws Exception {
		try (Server server = servers.start(jar)) {
			Target target = new Target(name, server.url(), Semantics.TIDINGS, server.pid(), Server.ADMIN_PASSWORD)
				.login();
			Outcome outcome = scenario.run(new Run(options, target));
			server.problems().forEach((line) -> report.add(name + " server log: " + line));
			return outcome;
		}
	}

	private static Map<String, Double> mean(List<Map<String, Double>> rounds) {
		Map<String, Double> mean = new LinkedHashMap<>();
		rounds.get(0).keySet().forEach((name) -> mean.put(name,
				rounds.stream().mapToDouble((figures) -> figures.get(name)).average().orElse(Double.NaN)));
		return mean;
	}

	private static Table change(Map<String, Double> ours, Map<String, Double> before) {
		Table table = new Table("figure", "this build", "baseline", "this build / baseline");
		ours.forEach((name, value) -> {
			Double other = before.get(name);
			if (other != null) {
				table.row(name, String.format("%,.1f", value), String.format("%,.1f", other),
						String.format("%.0f%%", 100 * value / other));
			}
		});
		return table;
	}

	/** The cost half alone, as the baseline build has no cursors to resume from. */
	static Outcome cost(Run run) throws Exception {
		int size = run.options().subscribers().get(0);
		Outcome fanOut = FanOut.run(run, List.of(size));
		Outcome throughput = Throughput.run(run, size);
		Map<String, Double> figures = new LinkedHashMap<>(fanOut.figures());
		figures.putAll(throughput.figures());
		List<String> notes = new ArrayList<>(fanOut.notes());
		notes.addAll(throughput.notes());
		return new Outcome(fanOut.table(), fanOut.passed() && throughput.passed(), figures, notes,
				throughput.table().markdown());
	}

	static Outcome run(Run run) throws Exception {
		Outcome cost = cost(run);
		Options options = run.options();
		Histogram times = new Histogram(3_600_000_000L, 3);
		List<String> problems = new ArrayList<>();
		long start;
		long end;
		int resumers = options.resumers();
		int missed = options.missed();
		try (Clients clients = new Clients(run.target(), resumers)) {
			List<String> cursors = clients.subscribe(null);
			clients.close();
			Set<String> titles = creates(run.target(), missed, options.writers());
			clients.reopen();
			start = System.nanoTime();
			List<String> resumedFrom = clients.subscribe(cursors);
			for (int i = 0; i < resumers; i++) {
				if (!cursors.get(i).equals(resumedFrom.get(i))) {
					problems.add("session " + i + " resumed from " + resumedFrom.get(i) + ", not " + cursors.get(i));
				}
			}
			clients.awaitPushes(missed, Duration.ofMinutes(5));
			end = System.nanoTime();
			for (Client client : clients.all) {
				times.recordValue(Math.max(0, (client.lastArrival - start) / 1000));
				problems.addAll(client.check(titles));
			}
			String live = "resume-live-" + System.nanoTime();
			run.target().rest.post("/items/articles", Map.of("title", live, "status", "published"));
			clients.awaitPushes(missed + 1, Duration.ofMinutes(1));
			for (Client client : clients.all) {
				problems.addAll(client.checkLive(live));
			}
		}
		boolean passed = cost.passed() && problems.isEmpty();
		Table table = new Table("target", "sessions", "missed creates", "replayed changes/s", "caught up p50 ms",
				"caught up p99 ms", "caught up max ms", "checks");
		table.row(run.target().name, resumers, missed,
				Table.number(resumers * (double) missed / ((end - start) / 1e9)), Table.ms(times, 50),
				Table.ms(times, 99), Table.ms(times, 100), problems.isEmpty() ? "pass" : "FAIL");
		List<String> notes = new ArrayList<>(cost.notes());
		notes.addAll(problems.stream().limit(20).toList());
		String more = "Cost, at " + options.subscribers().get(0) + " subscribers:\n\n" + cost.table().markdown()
				+ "\n" + cost.more();
		return new Outcome(table, passed, cost.figures(), notes, more);
	}

	/** Creates that many published articles from several writers; their titles. */
	private static Set<String> creates(Target target, int count, int writers) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		AtomicInteger next = new AtomicInteger();
		Set<String> titles = ConcurrentHashMap.newKeySet();
		List<Future<?>> done = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			done.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					String title = "resume-missed-" + i;
					target.rest.post("/items/articles", Map.of("title", title, "status", "published"));
					titles.add(title);
				}
				return null;
			}));
		}
		for (Future<?> each : done) {
			each.get();
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		return titles;
	}

	/** The resuming sessions, as the administrator, one subscription each. */
	private static final class Clients implements AutoCloseable {

		private final HttpClient http = HttpClient.newHttpClient();

		private final Target target;

		private final List<Client> all = new ArrayList<>();

		Clients(Target target, int count) throws Exception {
			this.target = target;
			for (int i = 0; i < count; i++) {
				this.all.add(new Client());
			}
			reopen();
		}

		void reopen() throws Exception {
			URI uri = URI.create(this.target.websocket() + "?access_token=" + this.target.token(Role.ADMIN));
			List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
			for (Client client : this.all) {
				opening.add(this.http.newWebSocketBuilder().buildAsync(uri, client));
			}
			for (int i = 0; i < opening.size(); i++) {
				this.all.get(i).socket = opening.get(i).get(60, TimeUnit.SECONDS);
			}
		}

		/**
		 * Subscribes every session, each from its cursor when given; the cursors their
		 * {@code init}s name.
		 */
		List<String> subscribe(List<String> since) throws Exception {
			List<CompletableFuture<JsonNode>> inits = new ArrayList<>();
			for (int i = 0; i < this.all.size(); i++) {
				inits.add(this.all.get(i).subscribe((since != null) ? since.get(i) : null));
			}
			List<String> cursors = new ArrayList<>();
			for (CompletableFuture<JsonNode> init : inits) {
				JsonNode frame = init.get(60, TimeUnit.SECONDS);
				if (since != null && !frame.path("resumed").asBoolean(false)) {
					throw new IllegalStateException("a resume was not honoured: " + frame);
				}
				cursors.add(frame.path("cursor").asString());
			}
			return cursors;
		}

		void awaitPushes(int count, Duration limit) throws InterruptedException {
			long deadline = System.nanoTime() + limit.toNanos();
			while (System.nanoTime() < deadline) {
				if (this.all.stream().allMatch((client) -> client.pushes.size() >= count)) {
					return;
				}
				Thread.sleep(20);
			}
		}

		@Override
		public void close() {
			for (Client client : this.all) {
				if (client.socket != null) {
					client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
					client.socket = null;
				}
			}
		}

	}

	/** One session: its init, and each pushed create's title and cursor in arrival order. */
	private static final class Client implements WebSocket.Listener {

		private final ConcurrentLinkedQueue<String[]> pushes = new ConcurrentLinkedQueue<>();

		private final StringBuilder partial = new StringBuilder();

		private volatile CompletableFuture<JsonNode> init = new CompletableFuture<>();

		private volatile WebSocket socket;

		private volatile long lastArrival;

		CompletableFuture<JsonNode> subscribe(String since) {
			this.init = new CompletableFuture<>();
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("type", "subscribe");
			message.put("collection", "articles");
			message.put("query", Map.of("fields", List.of("id", "title")));
			if (since != null) {
				message.put("since", since);
			}
			this.socket.sendText(json.writeValueAsString(message), true);
			return this.init;
		}

		@Override
		public void onOpen(WebSocket socket) {
			socket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				JsonNode frame = json.readTree(this.partial.toString());
				this.partial.setLength(0);
				if ("ping".equals(frame.path("type").asString())) {
					socket.sendText("{\"type\":\"pong\"}", true);
				}
				else if ("init".equals(frame.path("event").asString())) {
					this.init.complete(frame);
				}
				else if ("create".equals(frame.path("event").asString())) {
					for (JsonNode item : frame.path("data")) {
						this.pushes.add(new String[] { item.path("title").asString(), frame.path("cursor").asString() });
					}
					this.lastArrival = System.nanoTime();
				}
				else if (!this.init.isDone()) {
					this.init.completeExceptionally(new IllegalStateException("answered " + frame));
				}
			}
			return null;
		}

		/** The replay brought every missed create once, and nothing else, cursors rising. */
		List<String> check(Set<String> missed) {
			List<String> problems = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			long previous = -1;
			for (String[] push : this.pushes) {
				// opaque to clients; the tool knows Tidings' form, epoch-sequence
				long sequence = Long.parseLong(push[1].substring(push[1].lastIndexOf('-') + 1));
				if (!seen.add(push[0])) {
					problems.add("pushed twice: " + push[0]);
				}
				if (!missed.contains(push[0])) {
					problems.add("not a missed create: " + push[0]);
				}
				if (sequence <= previous) {
					problems.add("cursor " + push[1] + " after sequence " + previous);
				}
				previous = sequence;
			}
			if (!seen.containsAll(missed)) {
				problems.add((missed.size() - seen.size()) + " missed creates never replayed");
			}
			return problems;
		}

		/** After the replay, the live write came once, last. */
		List<String> checkLive(String title) {
			List<String[]> all = List.copyOf(this.pushes);
			long count = all.stream().filter((push) -> push[0].equals(title)).count();
			if (count != 1 || !all.get(all.size() - 1)[0].equals(title)) {
				return List.of("the live write after the replay came " + count + " times");
			}
			return List.of();
		}

	}

}
