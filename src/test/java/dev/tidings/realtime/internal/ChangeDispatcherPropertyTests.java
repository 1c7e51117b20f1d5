package dev.tidings.realtime.internal;

import dev.tidings.items.ArticleScenarios;
import dev.tidings.items.ArticleScenarios.Article;
import dev.tidings.items.ArticleScenarios.Grant;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URLEncoder;
import java.net.URI;
import java.io.UncheckedIOException;
import java.io.IOException;
import dev.tidings.events.LocalChangeBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.tidings.app.TidingsApplication;
import dev.tidings.errors.TidingsException;
import dev.tidings.events.ChangeType;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.items.differential.ProbeFilters;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Accountability;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pushes equal reads, for random rows, read rules and subscription filters: a user whose
 * role holds two policies with random read permissions (the differential tests' filters
 * over the article fields, {@code $CURRENT_USER}, {@code $NOW}, random field sets), the
 * demo Reader and Editor, and the administrator each subscribe with random filters. After
 * a random create, update or delete is committed and its notification dispatched, a
 * session receives a create or update push for the row exactly when
 * {@code ItemsService.read} with its filter AND {@code id = key} returns the row after
 * the commit, with that very item; and a delete push exactly when that read returned the
 * row before the commit and no longer does.
 */
class ChangeDispatcherPropertyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private static @Nullable Server server;

	@Property(tries = 200)
	void pushesReachExactlyTheSessionsWhoseReadReturnsTheRow(@ForAll("scenarios") Scenario scenario) {
		server().check(scenario);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Server server = server();
		Arbitrary<Article> articles = ArticleScenarios.articles(server.user);
		return Combinators.combine(Arbitraries.of(ChangeType.values()), articles, articles)
			.as((type, before, after) -> List.of(type, before, after))
			.flatMap((change) -> {
				List<Article> rows = List.of((Article) change.get(1), (Article) change.get(2));
				List<ProbeFilters.Operand> operands = ArticleScenarios.operands(server.schemas.require("articles"),
						rows);
				return Combinators
					.combine(ArticleScenarios.grants(operands).list().ofMinSize(1).ofMaxSize(3),
							ProbeFilters.filters(operands).injectNull(0.3).list().ofMinSize(1).ofMaxSize(3))
					.as((grants, filters) -> new Scenario((ChangeType) change.get(0), rows.get(0), rows.get(1), grants,
							filters));
			});
	}

	@AfterContainer
	static void stop() {
		if (server != null) {
			server.context.close();
			server = null;
		}
	}

	private static synchronized Server server() {
		if (server == null) {
			server = new Server();
		}
		return server;
	}

	record Scenario(ChangeType type, Article before, Article after, List<Grant> grants,
			List<@Nullable Map<String, @Nullable Object>> filters) {

		@Override
		public String toString() {
			return this.type + "\n  before " + this.before + "\n  after  " + this.after + "\n  grants "
					+ JSON.writeValueAsString(this.grants) + "\n  filters " + JSON.writeValueAsString(this.filters);
		}

	}

	/** What one session expects for the change, from reads before and after. */
	record Expected(@Nullable String event, @Nullable Map<String, @Nullable Object> item) {

	}

	/** The demo app with the stand-in bus and index, and the generated user. */
	private static final class Server {

		private final ConfigurableApplicationContext context;

		private final SchemaRegistry schemas;

		private final ItemsService items;

		private final Accountabilities accountabilities;

		private final JdbcTemplate jdbc;

		private final ArticleRows rows;

		private final SubscriptionIndex index;

		private final LocalChangeBus bus;

		private final ChangeDispatcher dispatcher;

		private final UUID user;

		private final int port;

		/**
		 * Each caller's access token, by user id ({@code admin} for the system caller).
		 */
		private final Map<String, String> tokens = new HashMap<>();

		private final List<Object> policies = new ArrayList<>();

		private List<Object> permissions = List.of();

		Server() {
			this.context = new SpringApplicationBuilder(TidingsApplication.class, RealtimeStandIns.class)
				.run("--spring.datasource.url=jdbc:h2:mem:change-dispatcher-property-" + UUID.randomUUID()
						+ ";DB_CLOSE_DELAY=-1", "--server.port=0");
			this.schemas = this.context.getBean(SchemaRegistry.class);
			this.items = this.context.getBean(ItemsService.class);
			this.accountabilities = this.context.getBean(Accountabilities.class);
			this.jdbc = this.context.getBean(JdbcTemplate.class);
			this.rows = new ArticleRows(this.jdbc);
			this.index = this.context.getBean(SubscriptionIndex.class);
			this.bus = this.context.getBean(LocalChangeBus.class);
			this.dispatcher = this.context.getBean(ChangeDispatcher.class);
			Accountability system = Accountability.system();
			Object role = create("directus_roles", Map.of("name", "dispatch-property"));
			for (String name : List.of("dispatch-first", "dispatch-second")) {
				Object policy = create("directus_policies", Map.of("name", name));
				create("directus_access", Map.of("role", role, "policy", policy));
				this.policies.add(policy);
			}
			this.user = UUID.fromString(String.valueOf(create("directus_users", Map.of("email",
					"dispatch-property@example.com", "password", "property-password-1", "role", role))));
			assertThat(system.admin()).isTrue();
			this.port = Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
			this.tokens.put(this.user.toString(), login("dispatch-property@example.com", "property-password-1"));
			for (String name : List.of("reader", "editor", "admin")) {
				this.tokens.put(user(name + "@example.com").user().toString(),
						login(name + "@example.com", name + "-password-123"));
			}
		}

		void check(Scenario scenario) {
			this.rows.reset();
			if (!replacePermissions(scenario.grants())) {
				return;
			}
			List<Accountability> callers = List.of(this.accountabilities.forUser(this.user), user("reader@example.com"),
					user("editor@example.com"), user("admin@example.com"));
			List<RecordingSession> sessions = new ArrayList<>();
			List<Query> queries = new ArrayList<>();
			List<@Nullable Map<String, @Nullable Object>> filters = new ArrayList<>();
			for (Accountability caller : callers) {
				for (Map<String, @Nullable Object> filter : scenario.filters()) {
					Query query = parse(filter);
					if (query == null) {
						continue;
					}
					RecordingSession session = new RecordingSession(caller);
					sessions.add(session);
					queries.add(query);
					filters.add(filter);
					this.index.add(new Subscription(session, "1", "articles", query, null, null));
				}
			}
			try {
				Committed change = commit(scenario, sessions, filters);
				Statistics.label("change").collect(scenario.type());
				this.bus.publish(ArticleRows.notification(change.change()));
				this.dispatcher.fence("articles").orTimeout(30, TimeUnit.SECONDS).join();
				for (int i = 0; i < sessions.size(); i++) {
					Expected expected = change.expected().get(i);
					List<Map<String, @Nullable Object>> received = sessions.get(i).messages();
					Statistics.label("push").collect((expected.event() != null) ? expected.event() : "none");
					if (expected.event() == null) {
						assertThat(received).as("pushes to session %s for\n%s", i, scenario).isEmpty();
					}
					else {
						Object key = change.change().key();
						Object data = expected.event().equals("delete") ? key : expected.item();
						assertThat(received).as("pushes to session %s for\n%s", i, scenario)
							.containsExactly(
									Map.of("type", "subscription", "event", expected.event(), "data", List.of(data),
											"collection", "articles", "keys", List.of(key), "key", key, "uid", "1"));
					}
				}
			}
			finally {
				sessions.forEach(this.index::removeAll);
			}
		}

		/** The subscription's query; null for a filter the subscribe handler refuses. */
		private static @Nullable Query parse(@Nullable Map<String, @Nullable Object> filter) {
			try {
				return PARSER.fromJson((filter != null) ? Map.of("filter", filter) : Map.of());
			}
			catch (TidingsException ex) {
				Statistics.label("filter").collect("refused");
				return null;
			}
		}

		/** Commits the change, reading what each session's query returns around it. */
		private Committed commit(Scenario scenario, List<RecordingSession> sessions,
				List<@Nullable Map<String, @Nullable Object>> filters) {
			if (scenario.type() == ChangeType.CREATE) {
				int key = this.rows.insert(scenario.after().values());
				ItemChange change = new ItemChange(ChangeType.CREATE, key, null, this.rows.snapshot(key));
				List<Expected> expected = new ArrayList<>();
				for (int i = 0; i < sessions.size(); i++) {
					Map<String, @Nullable Object> after = read(sessions.get(i), filters.get(i), key);
					expected.add(new Expected((after != null) ? "create" : null, after));
				}
				return new Committed(change, expected);
			}
			int key = this.rows.insert(scenario.before().values());
			List<@Nullable Map<String, @Nullable Object>> before = new ArrayList<>();
			for (int i = 0; i < sessions.size(); i++) {
				before.add(read(sessions.get(i), filters.get(i), key));
			}
			ItemChange change = (scenario.type() == ChangeType.UPDATE)
					? this.rows.updated(key, scenario.after().values()) : this.rows.deleted(key);
			List<Expected> expected = new ArrayList<>();
			for (int i = 0; i < sessions.size(); i++) {
				Map<String, @Nullable Object> after = (scenario.type() == ChangeType.UPDATE)
						? read(sessions.get(i), filters.get(i), key) : null;
				expected.add((after != null) ? new Expected("update", after)
						: new Expected((before.get(i) != null) ? "delete" : null, null));
			}
			return new Committed(change, expected);
		}

		/**
		 * The row as the session's caller reads it over REST with its own token:
		 * {@code GET /items/articles/{key}?filter=…}; null when refused (missing, not
		 * matching, or not readable).
		 */
		@SuppressWarnings("unchecked")
		private @Nullable Map<String, @Nullable Object> read(RecordingSession session,
				@Nullable Map<String, @Nullable Object> filter, int key) {
			Accountability caller = Objects.requireNonNull(session.caller());
			String token = this.tokens.get(String.valueOf(caller.user()));
			String query = (filter != null)
					? "?filter=" + URLEncoder.encode(JSON.writeValueAsString(filter), StandardCharsets.UTF_8) : "";
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/items/articles/" + key + query))
				.header("Authorization", "Bearer " + token)
				.build();
			try {
				HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					assertThat(response.statusCode()).as(response.body()).isIn(400, 403);
					return null;
				}
				return (Map<String, @Nullable Object>) JSON.readValue(response.body(), Map.class).get("data");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private String login(String email, String password) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("email", email, "password", password))))
				.build();
			try {
				String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
				return (String) ((Map<?, ?>) JSON.readValue(body, Map.class).get("data")).get("access_token");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** Replaces the user's read permissions; false when a rule is refused. */
		private boolean replacePermissions(List<Grant> grants) {
			Accountability system = Accountability.system();
			if (!this.permissions.isEmpty()) {
				this.items.delete(system, "directus_permissions", this.permissions);
				this.permissions = List.of();
			}
			List<Map<String, @Nullable Object>> rows = new ArrayList<>();
			for (Grant grant : grants) {
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("policy", this.policies.get(grant.policy()));
				row.put("collection", "articles");
				row.put("action", "read");
				row.put("permissions", grant.rule());
				row.put("fields", grant.fields());
				rows.add(row);
			}
			try {
				this.permissions = this.items.create(system, "directus_permissions", rows);
				return true;
			}
			catch (TidingsException ex) {
				Statistics.label("change").collect("rule refused");
				return false;
			}
		}

		private Object create(String collection, Map<String, ?> item) {
			return this.items.create(Accountability.system(), collection, List.of(item)).get(0);
		}

		private Accountability user(String email) {
			return this.accountabilities
				.forUser(this.jdbc.queryForObject("SELECT id FROM tidings_users WHERE email = ?", UUID.class, email));
		}

	}

	record Committed(ItemChange change, List<Expected> expected) {

	}

}
