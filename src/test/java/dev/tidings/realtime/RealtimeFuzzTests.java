package dev.tidings.realtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.tidings.fuzz.Envelope;
import dev.tidings.fuzz.FuzzRun;
import dev.tidings.fuzz.FuzzServer;
import dev.tidings.fuzz.FuzzServer.Caller;
import dev.tidings.fuzz.HostileQueries;
import dev.tidings.fuzz.HostileValues;
import dev.tidings.fuzz.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import org.jspecify.annotations.Nullable;

import static dev.tidings.fuzz.Json.raw;
import static dev.tidings.fuzz.Json.str;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile WebSocket frames of every message type over real sockets to the standalone app
 * (public mode, so the anonymous user is served too), as the anonymous user, the demo
 * Reader and the demo Editor. After every frame the same socket must answer a ping within
 * {@link FuzzServer#TIME_BOUND}, having answered the frame itself where the protocol says
 * it answers, with well-formed error frames and nothing the caller may not read (pushes
 * included); a socket may close only with a documented code (1000, 1001, 1008, 1009,
 * 4xxx; never 1011 for one frame); the heap after GC may not grow by more than
 * {@link FuzzServer#HEAP_GROWTH_BOUND}.
 */
@AddLifecycleHook(value = FuzzRun.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class RealtimeFuzzTests {

	private static final Set<Integer> DOCUMENTED_CLOSES = Set.of(1000, 1001, 1008, 1009);

	private static final List<String> COLLECTIONS = List.of("articles", "comments", "directus_users", "directus_roles",
			"directus_permissions", "directus_policies", "directus_access");

	private static final Set<String> ANSWERED = Set.of("auth", "subscribe", "items", "ping");

	private static @Nullable FuzzServer server;

	private static final Map<Caller, SocketClient> sockets = new EnumMap<>(Caller.class);

	private static int pings;

	@BeforeContainer
	static void start() {
		server = new FuzzServer("realtime", "--tidings.websockets.auth-mode=public",
				"--tidings.websockets.rate-limit=0");
		server.measureHeapAtStart();
	}

	@AfterContainer
	static void stop() {
		sockets.values().forEach(SocketClient::close);
		sockets.clear();
		if (server != null) {
			long growth = server.heapGrowth();
			FuzzRun.report("realtime");
			System.out.println("fuzz realtime: heap after GC grew by " + growth / 1024 + " KiB");
			server.close();
			server = null;
			assertThat(growth).as("heap growth after GC over the realtime fuzz run")
				.isLessThan(FuzzServer.HEAP_GROWTH_BOUND);
		}
	}

	@Property(tries = 300, seed = FuzzRun.SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void frames(@ForAll("frames") Frame frame) {
		check(frame);
	}

	/** The frames the issue reported, always tried. */
	@Example
	void knownFrames() {
		for (Caller caller : Caller.values()) {
			check(new Frame(caller, "items", "articles",
					"{\"type\":\"items\",\"collection\":\"articles\",\"action\":\"read\",\"query\":{\"filter\":{\"title\":{\"_in\":[1e900000000,1e900000000]}}}}",
					false));
			check(new Frame(caller, "subscribe", "articles",
					"{\"type\":\"subscribe\",\"collection\":\"articles\",\"query\":{\"filter\":{\"views\":{\"_eq\":"
							+ HostileValues.HUGE_DIGITS + "}}}}",
					false));
			check(new Frame(caller, "items", "articles",
					"{\"type\":\"items\",\"collection\":\"articles\",\"action\":\"create\",\"data\":{\"title\":\"x\",\"views\":1e900000000}}",
					false));
			check(new Frame(caller, "ping", null, "{\"type\":\"ping\",\"uid\":1e900000000}", false));
		}
	}

	@Provide
	Arbitrary<Frame> frames() {
		Arbitrary<Json> uid = Arbitraries.oneOf(HostileValues.scalars(false), Arbitraries.just(str("u")));
		Arbitrary<String> collection = Arbitraries.oneOf(Arbitraries.of(COLLECTIONS), Arbitraries.of(COLLECTIONS),
				Arbitraries.of("directus_extensions", "directus_fields", "directus_relations", "nope", ""));
		Arbitrary<Frame> auth = Combinators.combine(
				Arbitraries.of("access_token", "email", "password", "refresh_token", "mode", "uid").list().ofMaxSize(3),
				HostileValues.scalars(true))
			.as((keys, value) -> frame("auth", null, keys.stream().map((key) -> new Json.Member(key, value)).toList()));
		Arbitrary<Frame> subscribe = Combinators
			.combine(collection, uid, Arbitraries.of("create", "update", "delete", "foo", ""), Arbitraries.integers())
			.flatAs((name, id, event, choice) -> HostileQueries
				.queryObjects(COLLECTIONS.contains(name) ? name : "articles")
				.map((query) -> {
					List<Json.Member> members = new ArrayList<>(
							List.of(new Json.Member("collection", str(name)), new Json.Member("uid", id)));
					if (choice % 2 == 0) {
						members.add(new Json.Member("query", query));
					}
					if (choice % 3 == 0) {
						members.add(new Json.Member("item", query));
					}
					if (choice % 5 == 0) {
						members.add(new Json.Member("event", str(event)));
					}
					return frame("subscribe", name, members);
				}));
		Arbitrary<Frame> unsubscribe = uid.map((id) -> frame("unsubscribe", null, List.of(new Json.Member("uid", id))));
		Arbitrary<Frame> items = Combinators
			.combine(collection, Arbitraries.of("create", "read", "read", "update", "delete", "foo", ""),
					Arbitraries.of("id", "ids", "data", "query", "uid").list().ofMaxSize(3))
			.flatAs((name, action, keys) -> Combinators
				.combine(HostileQueries.queryObjects(COLLECTIONS.contains(name) ? name : "articles"),
						HostileValues.values(HostileQueries.FIELDS.getOrDefault(name, List.of("title")), true))
				.as((query, value) -> {
					List<Json.Member> members = new ArrayList<>(
							List.of(new Json.Member("collection", str(name)), new Json.Member("action", str(action))));
					keys.forEach((key) -> members.add(new Json.Member(key, key.equals("query") ? query : value)));
					return frame("items", name, members);
				}));
		Arbitrary<Frame> ping = uid.map((id) -> frame("ping", null, List.of(new Json.Member("uid", id))));
		Arbitrary<Frame> pong = Arbitraries.just(frame("pong", null, List.of()));
		Arbitrary<Frame> unknown = Combinators
			.combine(Arbitraries.of(str("collab"), str(""), str("PING"), raw("5"), raw("null"), raw("[\"ping\"]"),
					raw("{\"type\":\"ping\"}")), uid)
			.as((type, id) -> new Frame(Caller.ANONYMOUS, "unknown", null,
					new Json.Obj(List.of(new Json.Member("type", type), new Json.Member("uid", id))).text(), false));
		Arbitrary<Frame> broken = Arbitraries
			.oneOf(HostileValues.brokenJson().filter((text) -> !text.isEmpty()),
					HostileValues.scalars(true).map(Json::text),
					HostileValues.deepNesting(List.of(1_000, 100_000)).map(Json::text))
			.map((text) -> new Frame(Caller.ANONYMOUS, "broken", null, text, false));
		Arbitrary<Frame> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, auth),
				net.jqwik.api.Tuple.of(6, subscribe), net.jqwik.api.Tuple.of(2, unsubscribe),
				net.jqwik.api.Tuple.of(6, items), net.jqwik.api.Tuple.of(1, ping), net.jqwik.api.Tuple.of(1, pong),
				net.jqwik.api.Tuple.of(1, unknown), net.jqwik.api.Tuple.of(2, broken),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(new Frame(Caller.ANONYMOUS, "oversized", null,
						"{\"type\":\"ping\",\"uid\":\"" + "x".repeat(1_100_000) + "\"}", false))));
		return Combinators.combine(any, Arbitraries.of(Caller.class), Arbitraries.of(false, false, false, true))
			.as((frame, caller, binary) -> new Frame(caller, frame.type(), frame.collection(), frame.text(), binary));
	}

	private static Frame frame(String type, @Nullable String collection, List<Json.Member> members) {
		List<Json.Member> all = new ArrayList<>();
		all.add(new Json.Member("type", str(type)));
		all.addAll(members);
		return new Frame(Caller.ANONYMOUS, type, collection, new Json.Obj(all).text(), false);
	}

	private static void check(Frame frame) {
		FuzzServer server = RealtimeFuzzTests.server;
		FuzzRun.count("WebSocket " + frame.type());
		String input = frame.toString();
		SocketClient socket = socket(frame.caller());
		drainPushes(frame, socket, input);
		long start = System.nanoTime();
		boolean sent = true;
		try {
			if (frame.binary()) {
				socket.sendBinary(frame.text().getBytes(StandardCharsets.UTF_8));
			}
			else {
				socket.sendText(frame.text());
			}
		}
		catch (RuntimeException ex) {
			// the server may close before the whole frame is out: judged by the close
			// code
		}
		String uid = "fuzz-ping-" + (++pings);
		try {
			socket.sendText("{\"type\":\"ping\",\"uid\":\"" + uid + "\"}");
		}
		catch (RuntimeException ex) {
			// closed: judged below
		}
		List<Map<String, Object>> answers = new ArrayList<>();
		boolean ponged = false;
		long deadline = start + FuzzServer.TIME_BOUND.toNanos() + 500_000_000L;
		while (!ponged && System.nanoTime() < deadline) {
			Map<String, Object> message = poll(socket, deadline);
			if (message == null) {
				if (socket.isClosed()) {
					break;
				}
				continue;
			}
			if ("pong".equals(message.get("type")) && uid.equals(message.get("uid"))) {
				ponged = true;
			}
			else {
				answers.add(message);
			}
		}
		long tookMs = (System.nanoTime() - start) / 1_000_000;
		if (socket.isClosed() || !ponged) {
			sockets.remove(frame.caller());
			socket.close();
			int code = socket.isClosed() ? socket.closeCode() : -1;
			if (code == -1) {
				FuzzRun.violation("WebSocket " + frame.type(), input,
						"no pong within " + tookMs + " ms after the frame (answers: " + shortText(answers) + ")");
			}
			else if (!DOCUMENTED_CLOSES.contains(code) && (code < 4000 || code > 4999)) {
				FuzzRun.violation("WebSocket " + frame.type(), input, "closed with undocumented code " + code);
			}
			else if (frame.oversized() != (code == 1009)) {
				FuzzRun.violation("WebSocket " + frame.type(), input, "closed with " + code);
			}
			return;
		}
		if (frame.oversized()) {
			FuzzRun.violation("WebSocket " + frame.type(), input, "a frame over max-message-size kept the socket");
		}
		if (tookMs > FuzzServer.TIME_BOUND.toMillis()) {
			FuzzRun.violation("WebSocket " + frame.type(), input, "answered in " + tookMs + " ms");
		}
		boolean answered = answers.stream().anyMatch((message) -> !isPush(message));
		if (!answered && sent && mustAnswer(frame)) {
			FuzzRun.violation("WebSocket " + frame.type(), input, "no answer before the pong");
		}
		for (Map<String, Object> message : answers) {
			judge(frame, message, input);
		}
		if (frame.type().equals("auth")) {
			// a failed auth leaves the socket public: start the caller afresh
			sockets.remove(frame.caller());
			socket.close();
		}
	}

	private static boolean mustAnswer(Frame frame) {
		if (ANSWERED.contains(frame.type()) || frame.type().equals("broken")) {
			return true;
		}
		return frame.type().equals("unknown") && !frame.text().startsWith("{\"type\":\"");
	}

	private static void judge(Frame frame, Map<String, Object> message, String input) {
		String target = "WebSocket " + frame.type();
		if ("error".equals(message.get("status"))) {
			Object error = message.get("error");
			if (!(error instanceof Map<?, ?> body) || !(body.get("code") instanceof String)
					|| !(body.get("message") instanceof String text)) {
				FuzzRun.violation(target, input, "malformed error frame " + message);
				return;
			}
			if ("INTERNAL_SERVER_ERROR".equals(body.get("code"))) {
				FuzzRun.violation(target, input, "internal error frame " + message);
			}
			String lower = text.toLowerCase(java.util.Locale.ROOT);
			if (lower.contains("exception") || lower.contains("hibernate") || lower.contains("select ")) {
				FuzzRun.violation(target, input, "error frame leaks internals: " + message);
			}
			return;
		}
		Object data = message.get("data");
		if (data == null) {
			return;
		}
		String collection = isPush(message) ? String.valueOf(message.get("collection")) : frame.collection();
		if (collection == null || !COLLECTIONS.contains(collection)) {
			return;
		}
		boolean aggregate = frame.text().contains("aggregate") || frame.text().contains("groupBy");
		if (frame.type().equals("items") && !frame.text().contains("\"read\"")) {
			server.written();
		}
		for (String leak : server.oracle(frame.caller()).leaks(collection, data, aggregate && !isPush(message))) {
			FuzzRun.violation(target, input, "leak to " + frame.caller() + ": " + leak + " in " + shortText(message));
		}
	}

	private static void drainPushes(Frame frame, SocketClient socket, String input) {
		Map<String, Object> message;
		while ((message = socket.pending().poll()) != null) {
			judge(new Frame(frame.caller(), "push", null, "", false), message, input);
		}
	}

	private static boolean isPush(Map<String, Object> message) {
		return "subscription".equals(message.get("type"))
				&& List.of("create", "update", "delete").contains(message.get("event"));
	}

	private static @Nullable Map<String, Object> poll(SocketClient socket, long deadline) {
		try {
			return socket.pending()
				.poll(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static SocketClient socket(Caller caller) {
		SocketClient socket = sockets.get(caller);
		if (socket == null || socket.isClosed()) {
			String token = server.token(caller);
			socket = SocketClient.open(server.port(), (token != null) ? "?access_token=" + token : "");
			sockets.put(caller, socket);
		}
		return socket;
	}

	private static String shortText(Object value) {
		return FuzzRun.shorten(Envelope.JSON.writeValueAsString(value), 400);
	}

	/** One frame and who sends it; its text is what a failure prints. */
	record Frame(Caller caller, String type, @Nullable String collection, String text, boolean binary) {

		/** Over the default {@code max-message-size} (1 MB): closes with 1009. */
		boolean oversized() {
			return this.text.length() > 1024 * 1024 / 4
					&& this.text.getBytes(StandardCharsets.UTF_8).length > 1024 * 1024;
		}

		@Override
		public String toString() {
			return this.caller + (this.binary ? " binary " : " text ") + FuzzRun.shorten(this.text, 600);
		}

	}

}
