package dev.tidings.items;

import dev.tidings.items.ArticleScenarios.Article;
import dev.tidings.items.ArticleScenarios.Grant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.QueryParser;
import dev.tidings.query.RowMatcher;
import dev.tidings.query.Variables;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountabilities;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read permissions end to end, for random rules: one user whose role holds two policies
 * reads {@code GET /items/articles?limit=-1} over real HTTP with a token from
 * {@code /auth/login}, after the administrator replaced the policies' read permissions
 * through {@code /permissions} with random rules (the differential tests' filters over
 * the article fields, plus {@code $CURRENT_USER} on {@code author} and {@code $NOW} on
 * {@code published_at}) and random field sets, and the articles with random rows. The
 * answer must be exactly the rows the {@link RowMatcher} admits for the OR of the rules,
 * bound with the variables of the caller that {@link Accountabilities} resolves from the
 * database, with each field shown where a grant listing it reaches the row and null
 * elsewhere. Rules that do not parse, or do not apply to the collection, must be refused
 * by {@code /permissions} and leave nothing stored.
 */
class ReadPermissionPropertyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final QueryParser PARSER = new QueryParser((text) -> JSON.readValue(text, Object.class));

	private static @Nullable Server server;

	@Property(tries = 200)
	void userReadsExactlyTheRowsAndFieldsItsGrantsReach(@ForAll("scenarios") Scenario scenario) {
		server().check(scenario);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Server server = server();
		Arbitrary<Article> articles = ArticleScenarios.articles(server.user);
		return articles.list()
			.ofMinSize(1)
			.ofMaxSize(12)
			.flatMap((rows) -> ArticleScenarios
				.grants(ArticleScenarios.operands(server.schemas.require("articles"), rows))
				.list()
				.ofMinSize(1)
				.ofMaxSize(3)
				.map((grants) -> new Scenario(rows, grants)));
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

	record Scenario(List<Article> rows, List<Grant> grants) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("grants:\n");
			this.grants.forEach((grant) -> text.append("  policy ")
				.append(grant.policy())
				.append(" rule ")
				.append(JSON.writeValueAsString(grant.rule()))
				.append(" fields ")
				.append(grant.fields())
				.append('\n'));
			text.append("rows:\n");
			for (int i = 0; i < this.rows.size(); i++) {
				text.append("  ").append(i + 1).append(' ').append(this.rows.get(i)).append('\n');
			}
			return text.toString();
		}

	}

	/**
	 * The standalone app on a random port with a database of its own, and the user the
	 * tries read as: its role holds two policies, whose read permissions each try
	 * replaces.
	 */
	private static final class Server {

		private final ConfigurableApplicationContext context;

		private final SchemaRegistry schemas;

		private final JdbcTemplate jdbc;

		private final Accountabilities accountabilities;

		private final Http admin;

		private final Http reader;

		private final UUID user;

		private final List<String> policies = new ArrayList<>();

		private List<Object> permissions = List.of();

		Server() {
			// arguments, not default properties: the app's own defaults (a file database
			// on
			// port 8055) would win over those
			this.context = new SpringApplicationBuilder(TidingsApplication.class)
				.run("--spring.datasource.url=jdbc:h2:mem:read-permission-property-" + UUID.randomUUID()
						+ ";DB_CLOSE_DELAY=-1", "--server.port=0", "--tidings.auth.login-stall-time=10ms");
			this.schemas = this.context.getBean(SchemaRegistry.class);
			this.jdbc = this.context.getBean(JdbcTemplate.class);
			this.accountabilities = this.context.getBean(Accountabilities.class);
			String base = "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
			this.admin = Http.login(base, "admin@example.com", "admin-password-123");
			String role = this.admin.send("POST", "/roles", Map.of("name", "property-readers")).id();
			for (String name : List.of("property-first", "property-second")) {
				String policy = this.admin.send("POST", "/policies", Map.of("name", name)).id();
				this.admin.send("POST", "/access", Map.of("role", role, "policy", policy)).data();
				this.policies.add(policy);
			}
			this.user = UUID.fromString(
					this.admin
						.send("POST", "/users",
								Map.of("email", "property-reader@example.com", "password", "property-password-1",
										"role", role))
						.id());
			this.reader = Http.login(base, "property-reader@example.com", "property-password-1");
		}

		void check(Scenario scenario) {
			replaceArticles(scenario.rows());
			CollectionSchema articles = this.schemas.require("articles");
			if (!replacePermissions(scenario.grants())) {
				return;
			}
			Instant now = Instant.now();
			Variables variables = this.accountabilities.forUser(this.user).variables(now);
			List<@Nullable BoundFilter> rules = new ArrayList<>();
			for (Grant grant : scenario.grants()) {
				Filter parsed = PARSER.parseFilter(emptyToNull(stored(grant.rule())));
				rules.add((parsed != null) ? FilterBinder.bind(parsed, articles, this.schemas, variables) : null);
			}
			Statistics.label("rules").collect("bound");
			Reply reply = this.reader.send("GET", "/items/articles?limit=-1", null);
			List<Map<String, @Nullable Object>> expected = expected(scenario, rules, articles);
			Statistics.label("rows read")
				.collect(expected.isEmpty() ? "none" : (expected.size() == scenario.rows().size()) ? "all" : "some");
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data()).as("read by the user, for\n%s", scenario)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrderElementsOf(expected);
		}

		private List<Map<String, @Nullable Object>> expected(Scenario scenario, List<@Nullable BoundFilter> rules,
				CollectionSchema articles) {
			RowMatcher matcher = new RowMatcher();
			Set<String> granted = new LinkedHashSet<>();
			scenario.grants()
				.forEach((grant) -> granted
					.addAll(grant.fields().contains("*") ? articles.fields().keySet() : grant.fields()));
			List<Map<String, @Nullable Object>> expected = new ArrayList<>();
			for (int i = 0; i < scenario.rows().size(); i++) {
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("id", i + 1);
				row.putAll(scenario.rows().get(i).values());
				List<Boolean> reaches = new ArrayList<>();
				for (BoundFilter rule : rules) {
					reaches.add(rule == null || matcher.matches(rule, articles, row));
				}
				if (!reaches.contains(true)) {
					continue;
				}
				Map<String, @Nullable Object> item = new LinkedHashMap<>();
				for (String field : articles.fields().keySet()) {
					if (!granted.contains(field)) {
						continue;
					}
					boolean shown = false;
					for (int g = 0; g < rules.size(); g++) {
						List<String> fields = scenario.grants().get(g).fields();
						shown |= reaches.get(g) && (fields.contains("*") || fields.contains(field));
					}
					Object value = field.equals("comments") ? List.of() : FieldCodec.wire(row.get(field));
					item.put(field, shown ? value : null);
				}
				expected.add(item);
			}
			// as the wire has them: JSON numbers and strings
			return JSON.readValue(JSON.writeValueAsString(expected), List.class);
		}

		private void replaceArticles(List<Article> rows) {
			this.jdbc.update("DELETE FROM comments");
			this.jdbc.update("DELETE FROM articles");
			for (int i = 0; i < rows.size(); i++) {
				Article row = rows.get(i);
				this.jdbc.update(
						"INSERT INTO articles (id, title, body, status, author, views, published_at) "
								+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
						i + 1, row.title(), row.body(), row.status(), row.author(), row.views(),
						(row.publishedAt() != null) ? java.sql.Timestamp.from(row.publishedAt()) : null);
			}
		}

		/**
		 * Replaces the permissions through the admin API; false when a rule does not
		 * parse, after checking that the API refused it and stored nothing.
		 */
		private boolean replacePermissions(List<Grant> grants) {
			if (!this.permissions.isEmpty()) {
				assertThat(this.admin.send("DELETE", "/permissions", this.permissions).status()).isEqualTo(204);
				this.permissions = List.of();
			}
			List<Map<String, @Nullable Object>> rows = new ArrayList<>();
			boolean valid = true;
			for (Grant grant : grants) {
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("policy", this.policies.get(grant.policy()));
				row.put("collection", "articles");
				row.put("action", "read");
				row.put("permissions", grant.rule());
				row.put("fields", grant.fields());
				rows.add(row);
				try {
					Filter parsed = PARSER.parseFilter(emptyToNull(stored(grant.rule())));
					if (parsed != null) {
						FilterBinder.bind(parsed, this.schemas.require("articles"), this.schemas,
								this.accountabilities.forUser(this.user).variables(Instant.now()));
					}
				}
				catch (TidingsException ex) {
					valid = false;
				}
			}
			Reply reply = this.admin.send("POST", "/permissions?fields=id", rows);
			if (!valid) {
				Statistics.label("rules").collect("refused by /permissions");
				assertThat(reply.status()).as(reply.body()).isEqualTo(400);
				assertThat(reply.body()).contains("INVALID_PAYLOAD");
				assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tidings_permissions WHERE policy IN (?, ?)",
						Integer.class, UUID.fromString(this.policies.get(0)), UUID.fromString(this.policies.get(1))))
					.isZero();
				return false;
			}
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			this.permissions = ((List<?>) reply.data()).stream()
				.map((item) -> (Object) ((Map<?, ?>) item).get("id"))
				.toList();
			return true;
		}

		/** The rule as the server reads it back from its JSON column. */
		private static @Nullable Object stored(@Nullable Map<String, @Nullable Object> rule) {
			return (rule != null) ? JSON.readValue(JSON.writeValueAsString(rule), Object.class) : null;
		}

		private static @Nullable Object emptyToNull(@Nullable Object rule) {
			return (rule instanceof Map<?, ?> map && map.isEmpty()) ? null : rule;
		}

	}

	record Reply(int status, String body) {

		@Nullable Object data() {
			assertThat(this.status).as(this.body).isEqualTo(200);
			return ((Map<?, ?>) JSON.readValue(this.body, Map.class)).get("data");
		}

		String id() {
			return String.valueOf(((Map<?, ?>) data()).get("id"));
		}

	}

	/** A client of the running server, with one user's token. */
	private record Http(HttpClient client, String base, @Nullable String token) {

		static Http login(String base, String email, String password) {
			Http anonymous = new Http(HttpClient.newHttpClient(), base, null);
			Map<?, ?> data = (Map<?, ?>) anonymous
				.send("POST", "/auth/login", Map.of("email", email, "password", password, "mode", "json"))
				.data();
			return new Http(anonymous.client(), base, (String) data.get("access_token"));
		}

		Reply send(String method, String path, @Nullable Object body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, (body != null) ? BodyPublishers.ofString(JSON.writeValueAsString(body))
						: BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			if (this.token != null) {
				request.header("Authorization", "Bearer " + this.token);
			}
			try {
				HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
				return new Reply(response.statusCode(), response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
