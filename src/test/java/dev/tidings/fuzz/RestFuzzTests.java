package dev.tidings.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.fuzz.FuzzServer.Answer;
import dev.tidings.fuzz.FuzzServer.Caller;
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
 * Hostile HTTP requests against the standalone app with its demo content, as the
 * anonymous user, the demo Reader and the demo Editor: query strings for the items and
 * system collections, and bodies for their writes. Every answer must be the Directus
 * envelope with a 2xx or 4xx, arrive within {@link FuzzServer#TIME_BOUND}, show only what
 * the caller may read ({@link ReadOracle}), and a body without a JSON
 * {@code Content-Type} is never accepted; the heap after GC may not grow by more than
 * {@link FuzzServer#HEAP_GROWTH_BOUND} over the run. Fixed seed, budget per property (see
 * {@link FuzzRun} to change it).
 */
@AddLifecycleHook(value = FuzzRun.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class RestFuzzTests {

	private static final List<String> SYSTEM = List.of("directus_users", "directus_roles", "directus_permissions",
			"directus_policies", "directus_access");

	private static @Nullable FuzzServer server;

	@BeforeContainer
	static void start() {
		server = new FuzzServer("rest");
		for (Caller caller : Caller.values()) {
			server.send(caller, "GET", "/items/articles?filter[status][_eq]=published", null, null);
		}
		server.measureHeapAtStart();
	}

	@AfterContainer
	static void stop() {
		if (server != null) {
			long growth = server.heapGrowth();
			FuzzRun.report("rest");
			System.out.println("fuzz rest: heap after GC grew by " + growth / 1024 + " KiB");
			server.close();
			server = null;
			assertThat(growth).as("heap growth after GC over the REST fuzz run")
				.isLessThan(FuzzServer.HEAP_GROWTH_BOUND);
		}
	}

	@Property(tries = 150, seed = FuzzRun.SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void articleQueries(@ForAll("articleQueries") Request request) {
		check("GET /items/articles", request);
	}

	@Property(tries = 60, seed = FuzzRun.SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void commentQueries(@ForAll("commentQueries") Request request) {
		check("GET /items/comments", request);
	}

	@Property(tries = 80, seed = FuzzRun.SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void systemQueries(@ForAll("systemQueries") Request request) {
		check("GET system collections", request);
	}

	@Property(tries = 150, seed = FuzzRun.SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void bodies(@ForAll("bodies") Request request) {
		check("POST/PATCH/DELETE bodies", request);
	}

	/**
	 * The inputs the issue reported, always tried: each must answer 4xx in time and leave
	 * the heap where it was.
	 */
	@Example
	void knownInputs() {
		String exponent = HostileQueries.encode("{\"title\":{\"_in\":[1e900000000,1e900000000]}}");
		for (Caller caller : Caller.values()) {
			check("known inputs",
					new Request(caller, "GET", "/items/articles?filter=" + exponent, "articles", null, null));
			check("known inputs", new Request(caller, "GET",
					"/items/articles?aggregate[count]=*&groupBy[]=author".replace("[", "%5B").replace("]", "%5D"),
					"articles", null, null));
			check("known inputs", new Request(caller, "GET", "/items/articles?sort=author", "articles", null, null));
			check("known inputs",
					new Request(caller, "GET", "/items/comments?sort=article.id", "comments", null, null));
			check("known inputs", new Request(caller, "POST", "/items/articles", "articles", "application/json",
					"{\"title\":\"x\",\"views\":1e900000000}"));
			check("known inputs", new Request(caller, "POST", "/items/articles", "articles", "application/json",
					"{\"title\":\"x\",\"views\":" + HostileValues.HUGE_DIGITS + "}"));
			check("known inputs",
					new Request(caller, "POST", "/items/articles", "articles", null, "{\"title\":\"x\"}"));
			check("known inputs",
					new Request(caller, "GET", "/items/articles?limit=2147483648", "articles", null, null));
		}
	}

	@Provide
	Arbitrary<Request> articleQueries() {
		return queries("articles", Arbitraries.of("/items/articles", "/items/articles", "/items/articles",
				"/items/articles/1", "/items/articles/-1", "/items/articles/abc", "/items/articles/1e900000000"));
	}

	@Provide
	Arbitrary<Request> commentQueries() {
		return queries("comments", Arbitraries.of("/items/comments", "/items/comments", "/items/comments/1"));
	}

	@Provide
	Arbitrary<Request> systemQueries() {
		return Arbitraries.of(SYSTEM)
			.flatMap((collection) -> queries(collection, Arbitraries.of(ReadOracle.PATHS.get(collection))));
	}

	private static Arbitrary<Request> queries(String collection, Arbitrary<String> paths) {
		return Combinators.combine(Arbitraries.of(Caller.class), paths, HostileQueries.queryStrings(collection))
			.as((caller, path, query) -> new Request(caller, "GET", path + query, collection, null, null));
	}

	@Provide
	Arbitrary<Request> bodies() {
		Arbitrary<String[]> targets = Arbitraries.of(new String[] { "POST", "/items/articles", "articles" },
				new String[] { "PATCH", "/items/articles", "articles" },
				new String[] { "PATCH", "/items/articles/1", "articles" },
				new String[] { "PATCH", "/items/articles/999999", "articles" },
				new String[] { "DELETE", "/items/articles", "articles" },
				new String[] { "POST", "/items/comments", "comments" },
				new String[] { "PATCH", "/items/comments/1", "comments" },
				new String[] { "POST", "/users", "directus_users" },
				new String[] { "PATCH", "/users", "directus_users" },
				new String[] { "DELETE", "/users", "directus_users" },
				new String[] { "POST", "/roles", "directus_roles" },
				new String[] { "PATCH", "/roles/00000000-0000-0000-0000-000000000000", "directus_roles" },
				new String[] { "POST", "/permissions", "directus_permissions" },
				new String[] { "POST", "/policies", "directus_policies" },
				new String[] { "POST", "/access", "directus_access" }, new String[] { "POST", "/auth/login", "" },
				new String[] { "POST", "/auth/refresh", "" });
		Arbitrary<@Nullable String> contentTypes = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
				net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
				net.jqwik.api.Tuple.of(2,
						Arbitraries.of("text/plain", "application/x-www-form-urlencoded",
								"application/json; charset=ISO-8859-1", "application/xml", "multipart/form-data",
								"application/json-patch+json", "garbage", "application/JSON")));
		return Combinators.combine(Arbitraries.of(Caller.class), targets, contentTypes, Arbitraries.integers())
			.flatAs((caller, target, contentType, unused) -> bodyTexts(target[2]).map((body) -> new Request(caller,
					target[0], target[1], target[2].isEmpty() ? null : target[2], contentType, body)));
	}

	private static Arbitrary<String> bodyTexts(String collection) {
		List<String> keys = new ArrayList<>(
				HostileQueries.FIELDS.getOrDefault(collection, List.of("email", "password", "refresh_token", "mode")));
		keys.addAll(List.of("keys", "data", "query", "id"));
		Arbitrary<Json.Member> member = Combinators.combine(Arbitraries.of(keys), HostileValues.values(keys, true))
			.as(Json.Member::new);
		Arbitrary<Json> item = member.list().ofMinSize(1).ofMaxSize(4).map(Json.Obj::new);
		Arbitrary<Json> duplicate = Combinators
			.combine(Arbitraries.of(keys), HostileValues.scalars(false), HostileValues.scalars(false))
			.as((key, first,
					second) -> new Json.Obj(List.of(new Json.Member(key, first), new Json.Member(key, second))));
		Arbitrary<Json> keysAndData = Combinators.combine(HostileValues.values(keys, true), item)
			.as((ids, data) -> Json.Obj.of(Map.of("keys", ids, "data", data)));
		Arbitrary<Json> queryAndData = Combinators
			.combine(HostileQueries.filters(collection.isEmpty() ? "articles" : collection, true), item)
			.as((filter, data) -> Json.Obj.of(Map.of("query", Json.obj("filter", filter), "data", data)));
		Arbitrary<Json> body = Arbitraries.oneOf(item, item, item, duplicate, item.list().ofMaxSize(3).map(Json::arr),
				keysAndData, queryAndData, HostileValues.scalars(true), HostileValues.values(keys, true),
				HostileValues.deepNesting(List.of(1_000, 100_000)), HostileValues.brokenJson().map(Json::raw),
				Arbitraries.just(Json.arr(List.of(raw("1e900000000"), str("a")))));
		return body.map(Json::text);
	}

	private static void check(String target, Request request) {
		FuzzServer server = RestFuzzTests.server;
		FuzzRun.count(target);
		Answer answer = server.send(request.caller(), request.method(), request.pathAndQuery(), request.contentType(),
				request.body());
		String input = request.toString();
		if (answer.took().compareTo(FuzzServer.TIME_BOUND) > 0) {
			FuzzRun.violation(target, input,
					"answered in " + answer.took().toMillis() + " ms (status " + answer.status() + ")");
		}
		String problem = Envelope.problem(answer.status(), answer.contentType(), answer.body());
		if (problem != null) {
			FuzzRun.violation(target, input, problem);
			return;
		}
		boolean write = !request.method().equals("GET");
		boolean success = answer.status() < 300;
		if (write && success) {
			server.written();
			if (request.body() != null && !request.body().isEmpty() && (request.contentType() == null
					|| !request.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
				FuzzRun.violation(target, input, "a body with Content-Type " + request.contentType() + " was accepted ("
						+ answer.status() + ")");
			}
		}
		if (answer.status() == 200 && request.collection() != null) {
			Object data = FuzzServer.data(answer);
			if (data != null) {
				boolean aggregate = request.pathAndQuery().contains("aggregate")
						|| request.pathAndQuery().contains("groupBy");
				for (String leak : server.oracle(request.caller()).leaks(request.collection(), data, aggregate)) {
					FuzzRun.violation(target, input, "leak to " + request.caller() + ": " + leak);
				}
			}
		}
	}

	/** One request; its text is what a failure prints. */
	record Request(Caller caller, String method, String pathAndQuery, @Nullable String collection,
			@Nullable String contentType, @Nullable String body) {

		@Override
		public String toString() {
			return this.caller + " " + this.method + " " + FuzzRun.shorten(this.pathAndQuery, 400)
					+ ((this.body != null)
							? " Content-Type: " + this.contentType + " body: " + FuzzRun.shorten(this.body, 400) : "");
		}

	}

}
