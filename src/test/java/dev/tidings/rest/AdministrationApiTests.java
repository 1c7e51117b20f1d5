package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration routes ({@code /users}, {@code /roles}, {@code /policies},
 * {@code /access}, {@code /permissions}) and the caller's own view ({@code /users/me},
 * {@code /roles/me}, {@code /policies/me/globals}, {@code /permissions/me}) over real
 * HTTP with real logins: the items envelope and query language, concealed credentials,
 * argon2 and SHA-256 at rest, refusals for everyone but administrators with the database
 * unchanged, and malformed input answered with the Directus envelope. Each test removes
 * what it created.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:administration-api-tests;DB_CLOSE_DELAY=-1",
				"tidings.auth.login-stall-time=10ms" })
class AdministrationApiTests {

	private static final List<String> ROUTES = List.of("/users", "/roles", "/policies", "/access", "/permissions");

	private static final List<String> TABLES = List.of("tidings_users", "tidings_roles", "tidings_policies",
			"tidings_access", "tidings_permissions");

	private static final String CONCEALED = "**********";

	private final int port;

	private final ApiClient admin;

	private final ApiClient reader;

	private final ApiClient editor;

	private final ApiClient anonymous;

	private final JdbcTemplate jdbc;

	private final Map<String, Integer> seeded;

	AdministrationApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.admin = new ApiClient(port).asAdmin();
		this.reader = new ApiClient(port).as(PermissionEnforcementApiTests.READER_EMAIL,
				PermissionEnforcementApiTests.READER_PASSWORD);
		this.editor = new ApiClient(port).as(PermissionEnforcementApiTests.EDITOR_EMAIL,
				PermissionEnforcementApiTests.EDITOR_PASSWORD);
		this.anonymous = new ApiClient(port);
		this.jdbc = jdbc;
		this.seeded = counts();
	}

	/** Removes what a test created through the API, with the API. */
	@AfterEach
	void removeWhatTheTestCreated() {
		for (String route : List.of("/users", "/roles", "/policies")) {
			List<Map<String, Object>> created = this.admin
				.get(route + "?filter[" + (route.equals("/users") ? "email" : "name")
						+ "][_starts_with]=test-&fields=id&limit=-1")
				.items();
			if (!created.isEmpty()) {
				assertThat(
						this.admin.delete(route, json(created.stream().map((row) -> row.get("id")).toList())).status())
					.isEqualTo(204);
			}
		}
		assertThat(counts()).isEqualTo(this.seeded);
	}

	@Test
	void createWhenSeveralUsersThenAnsweredInTheOrderSentThoughTheirKeysAreRandom() {
		List<String> emails = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			emails.add("test-order-" + i + "-" + UUID.randomUUID() + "@example.com");
		}

		List<Map<String, Object>> created = this.admin
			.post("/users?fields=email", json(emails.stream().map((email) -> Map.of("email", email)).toList()))
			.items();

		// one chance in 40,320 that the table's uuid order is the order sent
		assertThat(created).extracting((user) -> user.get("email")).containsExactlyElementsOf(emails);
	}

	@Test
	void crudWhenAdminCreatesRolePolicyAccessPermissionAndUserThenThatUserLogsInAndReadsWhatItWasGranted() {
		String role = id(this.admin.post("/roles", json(Map.of("name", "test-auditors"))).item());
		String policy = id(this.admin
			.post("/policies", json(Map.of("name", "test-audit", "admin_access", false, "app_access", false)))
			.item());
		Map<String, Object> access = this.admin.post("/access", json(Map.of("role", role, "policy", policy))).item();
		assertThat(access).containsEntry("role", role).containsEntry("policy", policy);
		List<Map<String, Object>> permissions = this.admin
			.post("/permissions", json(List.of(
					Map.of("policy", policy, "collection", "articles", "action", "read", "permissions",
							Map.of("views", Map.of("_gt", 300)), "fields", List.of("id", "views")),
					Map.of("policy", policy, "collection", "comments", "action", "read", "fields", List.of("*")))))
			.items();
		assertThat(permissions).hasSize(2)
			.allSatisfy((permission) -> assertThat(permission).containsEntry("policy", policy));
		// a rule and a field list read back as JSON, so a client can send them again as
		// read
		assertThat(this.admin.get("/permissions/" + id(permissions.get(0))).item())
			.containsEntry("permissions", Map.of("views", Map.of("_gt", 300)))
			.containsEntry("fields", List.of("id", "views"));
		Map<String, Object> user = this.admin
			.post("/users", json(Map.of("email", "test-auditor@example.com", "password", "auditor-password-1", "role",
					role, "first_name", "Audrey")))
			.item();
		assertThat(user).containsEntry("email", "test-auditor@example.com")
			.containsEntry("role", role)
			.containsEntry("password", CONCEALED)
			.containsEntry("status", "active");
		assertThat(this.jdbc.queryForObject("SELECT password FROM tidings_users WHERE email = ?", String.class,
				"test-auditor@example.com"))
			.startsWith("$argon2id$");

		ApiClient auditor = new ApiClient(this.port).as("test-auditor@example.com", "auditor-password-1");
		List<Map<String, Object>> articles = auditor.get("/items/articles?limit=-1").items();
		assertThat(articles).isNotEmpty()
			.allSatisfy((article) -> assertThat(article).containsOnlyKeys("id", "views"))
			.allSatisfy((article) -> assertThat((Integer) article.get("views")).isGreaterThan(300));
		assertThat(articles)
			.hasSize(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE views > 300", Integer.class));
		auditor.get("/users").error(403, "FORBIDDEN");

		assertThat(this.admin.delete("/users/" + id(user)).status()).isEqualTo(204);
		assertThat(
				this.admin.delete("/permissions", json(permissions.stream().map(AdministrationApiTests::id).toList()))
					.status())
			.isEqualTo(204);
		assertThat(this.admin.delete("/access/" + id(access)).status()).isEqualTo(204);
		assertThat(this.admin.delete("/policies/" + policy).status()).isEqualTo(204);
		assertThat(this.admin.delete("/roles", json(Map.of("keys", List.of(role)))).status()).isEqualTo(204);
		assertThat(counts()).isEqualTo(this.seeded);
	}

	@Test
	void readWhenAdminListsWithFilterFieldsSortLimitAndMetaThenItemsEnvelope() {
		Reply users = this.admin
			.get("/users?filter[email][_ends_with]=@example.com&fields=email,role&sort=-email&limit=2&meta=*");

		assertThat(users.items()).extracting((user) -> user.get("email"))
			.containsExactly("reader@example.com", "editor@example.com");
		assertThat(users.items()).allSatisfy((user) -> assertThat(user).containsOnlyKeys("email", "role"));
		assertThat(users.meta()).isEqualTo(Map.of("total_count", 3, "filter_count", 3));

		Map<String, Object> reader = this.admin.get("/roles?filter[name][_eq]=Reader").items().get(0);
		assertThat(this.admin.get("/roles/" + id(reader) + "?fields=id,name").item())
			.isEqualTo(Map.of("id", id(reader), "name", "Reader"));
		assertThat(this.admin.get("/policies?filter[admin_access][_eq]=true&fields=name").items()).hasSize(1);
		assertThat(this.admin.get("/access?limit=-1").items()).hasSize(count("tidings_access"));
		assertThat(this.admin.get("/permissions?filter[collection][_eq]=articles&fields=action&sort=action").items())
			.extracting((row) -> row.get("action"))
			.containsExactly("create", "read", "read", "update");
	}

	@Test
	void updateWhenAdminPatchesOneAndManyThenWritten() {
		List<Map<String, Object>> roles = this.admin
			.post("/roles", json(List.of(Map.of("name", "test-one"), Map.of("name", "test-two"))))
			.items();

		assertThat(this.admin.patch("/roles/" + id(roles.get(0)), json(Map.of("description", "first"))).item())
			.containsEntry("description", "first");
		assertThat(this.admin.patch("/roles",
				json(Map.of("keys", roles.stream().map(AdministrationApiTests::id).toList(), "data",
						Map.of("icon", "star"))))
			.items()).hasSize(2).allSatisfy((role) -> assertThat(role).containsEntry("icon", "star"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tidings_roles WHERE icon = 'star'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void readWhenCredentialsThenConcealedAndNotFilterableNorSortable() {
		String editor = userId("editor@example.com");
		this.admin.patch("/users/" + editor, json(Map.of("token", "test-static-token-of-the-editor"))).item();
		try {
			Map<String, Object> user = this.admin.get("/users/" + editor + "?fields=password,token").item();
			assertThat(user).isEqualTo(Map.of("password", CONCEALED, "token", CONCEALED));
			assertThat(this.admin.get("/users?fields=*").items())
				.allSatisfy((row) -> assertThat(row.get("password")).isIn(CONCEALED, null))
				.allSatisfy((row) -> assertThat(row.get("token")).isIn(CONCEALED, null));

			this.admin.get("/users?filter[password][_starts_with]=$argon2").error(403, "FORBIDDEN");
			this.admin.get("/users?filter[password][_nnull]=true").error(403, "FORBIDDEN");
			this.admin.get("/users?sort=password").error(403, "FORBIDDEN");
			this.admin.get("/users?filter[token][_nnull]=true").error(403, "FORBIDDEN");
			this.admin.get("/users?aggregate[min]=password").error(403, "FORBIDDEN");
		}
		finally {
			this.admin.patch("/users/" + editor, "{\"token\":null}").item();
		}
	}

	@Test
	void authenticateWhenStaticTokenSetThenItWorksAndOnlyItsDigestIsStored() {
		String editor = userId("editor@example.com");
		String token = "test-static-" + UUID.randomUUID();
		ApiClient holder = new ApiClient(this.port).withToken(token);
		holder.get("/users/me").error(401, "INVALID_CREDENTIALS");

		this.admin.patch("/users/" + editor, json(Map.of("token", token))).item();
		try {
			assertThat(holder.get("/users/me").item()).isEqualTo(Map.of("id", editor));
			assertThat(holder.get("/items/articles?limit=-1").items()).hasSize(20);
			String stored = this.jdbc.queryForObject("SELECT token FROM tidings_users WHERE id = ?", String.class,
					UUID.fromString(editor));
			assertThat(stored).isEqualTo(sha256(token)).doesNotContain(token);
		}
		finally {
			this.admin.patch("/users/" + editor, "{\"token\":null}").item();
		}
		holder.get("/users/me").error(401, "INVALID_CREDENTIALS");
	}

	@Test
	void createWhenEmailExistsInAnyCaseThenRecordNotUnique() {
		Map<String, Object> error = this.admin
			.post("/users", json(Map.of("email", "READER@Example.com", "password", "whatever-123")))
			.error(400, "RECORD_NOT_UNIQUE");

		// the field is named only when the payload has one (PersistenceErrors), unlike
		// Directus's users service, which checks e-mails itself before the insert
		assertThat(Reply.extensions(error)).containsEntry("collection", "directus_users");
		this.admin.post("/users", json(Map.of("email", "test-dup@example.com"))).item();
		assertThat(Reply.extensions(this.admin.post("/users", json(Map.of("email", "Test-Dup@example.com")))
			.error(400, "RECORD_NOT_UNIQUE"))).containsEntry("field", "email");
		assertThat(count("tidings_users")).isEqualTo(this.seeded.get("tidings_users") + 1);
	}

	@Test
	void createWhenPermissionIsMalformedThenInvalidPayloadAndNothingStored() {
		String policy = String
			.valueOf(this.admin.get("/policies?filter[name][_eq]=Reader&fields=id").items().get(0).get("id"));
		List<Map<String, Object>> malformed = List.of(
				row(policy, "read", Map.of("status", Map.of("_nope", "published"))),
				row(policy, "read", Map.of("_or", "not a list")), row(policy, "read", "not a filter"),
				row(policy, "fly", Map.of()), row(policy, "share-everything", null),
				// parses, but cannot apply to articles: refused before it could fail
				// every read
				row(policy, "read", Map.of("no_such_field", Map.of("_eq", 1))),
				row(policy, "read", Map.of("views", Map.of("_contains", "1"))));

		for (Map<String, Object> row : malformed) {
			this.admin.post("/permissions", json(row)).error(400, "INVALID_PAYLOAD");
			this.admin.post("/permissions", json(List.of(row(policy, "read", null), row)))
				.error(400, "INVALID_PAYLOAD");
		}
		String existing = String.valueOf(
				this.admin.get("/permissions?filter[policy][_eq]=" + policy + "&fields=id").items().get(0).get("id"));
		this.admin.patch("/permissions/" + existing, json(Map.of("action", "fly"))).error(400, "INVALID_PAYLOAD");
		this.admin.patch("/permissions/" + existing, json(Map.of("permissions", Map.of("_and", 5))))
			.error(400, "INVALID_PAYLOAD");

		assertThat(counts()).isEqualTo(this.seeded);
		assertThat(this.reader.get("/items/articles?limit=-1").items()).hasSize(12);
	}

	@Test
	void everyAdministrationRouteWhenNotAdminThenForbiddenAndDatabaseUnchanged() {
		String reader = userId("reader@example.com");
		String role = String.valueOf(this.admin.get("/roles?limit=1&fields=id").items().get(0).get("id"));
		Map<String, String> someKey = Map.of("/users", reader, "/roles", role, "/policies",
				PermissionEnforcementApiTests.PUBLIC_POLICY, "/access",
				String.valueOf(this.admin.get("/access?limit=1&fields=id").items().get(0).get("id")), "/permissions",
				String.valueOf(this.admin.get("/permissions?limit=1&fields=id").items().get(0).get("id")));
		Map<String, String> payload = Map.of("/users", json(Map.of("email", "test-intruder@example.com")), "/roles",
				json(Map.of("name", "test-intruders")), "/policies",
				json(Map.of("name", "test-root", "admin_access", true)), "/access",
				json(Map.of("role", role, "policy", PermissionEnforcementApiTests.PUBLIC_POLICY)), "/permissions",
				json(Map.of("policy", PermissionEnforcementApiTests.PUBLIC_POLICY, "collection", "articles", "action",
						"read", "fields", List.of("*"))));
		String passwords = this.jdbc.queryForList("SELECT password FROM tidings_users ORDER BY id", String.class)
			.toString();

		for (ApiClient caller : List.of(this.reader, this.editor, this.anonymous)) {
			for (String route : ROUTES) {
				String key = route + "/" + someKey.get(route);
				caller.get(route).error(403, "FORBIDDEN");
				caller.get(key).error(403, "FORBIDDEN");
				caller.post(route, payload.get(route)).error(403, "FORBIDDEN");
				caller.post(route, "[" + payload.get(route) + "]").error(403, "FORBIDDEN");
				caller.patch(key, json(Map.of("name", "test-x", "email", "test-x@example.com")))
					.error(403, "FORBIDDEN");
				caller.patch(route, json(Map.of("keys", List.of(someKey.get(route)), "data", Map.of("sort", 1))))
					.error(403, "FORBIDDEN");
				caller.delete(key).error(403, "FORBIDDEN");
				caller.delete(route, json(List.of(someKey.get(route)))).error(403, "FORBIDDEN");
			}
			caller.get("/items/directus_users").error(403, "FORBIDDEN");
			caller.patch("/users/" + reader, json(Map.of("role", role))).error(403, "FORBIDDEN");
		}

		assertThat(counts()).isEqualTo(this.seeded);
		assertThat(this.jdbc.queryForList("SELECT password FROM tidings_users ORDER BY id", String.class).toString())
			.isEqualTo(passwords);
		this.admin.get("/items/directus_users").error(403, "FORBIDDEN");
		this.admin.get("/items/directus_permissions").error(403, "FORBIDDEN");
	}

	@Test
	void readMeWhenReaderAdminOrAnonymous() {
		String reader = userId("reader@example.com");

		assertThat(this.reader.get("/users/me").item()).isEqualTo(Map.of("id", reader));
		assertThat(this.admin.get("/users/me").item()).containsEntry("email", "admin@example.com")
			.containsEntry("password", CONCEALED);
		assertThat(this.admin.get("/users/me?fields=email").item()).isEqualTo(Map.of("email", "admin@example.com"));
		this.anonymous.get("/users/me").error(401, "INVALID_CREDENTIALS");
		this.anonymous.patch("/users/me", json(Map.of("first_name", "x"))).error(401, "INVALID_CREDENTIALS");
	}

	@Test
	void updateMeWhenAdminThenWrittenAndWhenReaderThenForbidden() {
		assertThat(this.admin.patch("/users/me?fields=first_name", json(Map.of("first_name", "Ada"))).item())
			.isEqualTo(Map.of("first_name", "Ada"));
		assertThat(this.jdbc.queryForObject("SELECT first_name FROM tidings_users WHERE email = 'admin@example.com'",
				String.class))
			.isEqualTo("Ada");
		this.admin.patch("/users/me", "{\"first_name\":null}").item();

		this.reader.patch("/users/me", json(Map.of("first_name", "Mallory"))).error(403, "FORBIDDEN");
		this.reader.patch("/users/me", json(Map.of("role", userRole("editor@example.com")))).error(403, "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT first_name FROM tidings_users WHERE email = 'reader@example.com'",
				String.class))
			.isEqualTo("Rita");
	}

	/**
	 * What every user may do with its own activity and revisions: read them, filtered.
	 */
	private static final Map<String, Object> OWN_ACTIVITY = Map.of("read",
			Map.of("access", "partial", "fields", List.of("*"), "presets", Map.of()), "create",
			Map.of("access", "none"), "update", Map.of("access", "none"), "delete", Map.of("access", "none"));

	@Test
	void readMyPermissionsWhenReaderEditorAndAdmin() {
		assertThat(this.reader.get("/permissions/me").item()).isEqualTo(Map.of("articles",
				Map.of("read",
						Map.of("access", "partial", "fields", List.of("id", "published_at", "status", "title"),
								"presets", Map.of()),
						"create", Map.of("access", "none"), "update", Map.of("access", "none"), "delete",
						Map.of("access", "none")),
				"comments",
				Map.of("read",
						Map.of("access", "partial", "fields", List.of("body", "date_created", "id"), "presets",
								Map.of()),
						"create", Map.of("access", "none"), "update", Map.of("access", "none"), "delete",
						Map.of("access", "none")),
				"directus_activity", OWN_ACTIVITY, "directus_revisions", OWN_ACTIVITY));

		Map<String, Object> editor = this.editor.get("/permissions/me").item();
		assertThat(editor).containsOnlyKeys("articles", "comments", "directus_comments", "directus_activity",
				"directus_revisions");
		Map<String, Object> readAndCreate = Map.of("read",
				Map.of("access", "full", "fields", List.of("*"), "presets", Map.of()), "create",
				Map.of("access", "full", "fields", List.of("*"), "presets", Map.of()), "update",
				Map.of("access", "none"), "delete", Map.of("access", "none"));
		assertThat(editor.get("comments")).isEqualTo(readAndCreate);
		assertThat(editor.get("directus_comments")).isEqualTo(readAndCreate);
		assertThat(editor.get("articles"))
			.isEqualTo(Map.of("read", Map.of("access", "full", "fields", List.of("*"), "presets", Map.of()), "create",
					Map.of("access", "full", "fields", List.of("*"), "presets", Map.of()), "update",
					Map.of("access", "partial", "fields", List.of("*"), "presets", Map.of()), "delete",
					Map.of("access", "none")));

		Map<String, Object> admin = this.admin.get("/permissions/me").item();
		assertThat(admin).containsKeys("articles", "comments", "directus_users", "directus_permissions");
		assertThat(admin.values()).allSatisfy((actions) -> assertThat(((Map<?, ?>) actions).values()).hasSize(4)
			.allSatisfy((access) -> assertThat(((Map<?, ?>) access).get("access")).isEqualTo("full")));
		assertThat(this.anonymous.get("/permissions/me").item()).isEmpty();
	}

	@Test
	void readMyGlobalsAndRoles() {
		assertThat(this.reader.get("/policies/me/globals").item())
			.isEqualTo(Map.of("app_access", false, "admin_access", false, "enforce_tfa", false));
		assertThat(this.admin.get("/policies/me/globals").item())
			.isEqualTo(Map.of("app_access", true, "admin_access", true, "enforce_tfa", false));
		assertThat(this.anonymous.get("/policies/me/globals").item()).isEqualTo(Map.of("app_access", false));

		assertThat(this.reader.get("/roles/me").items())
			.isEqualTo(List.of(Map.of("id", userRole("reader@example.com"))));
		assertThat(this.admin.get("/roles/me?fields=id").items())
			.isEqualTo(List.of(Map.of("id", userRole("admin@example.com"))));
		assertThat(this.anonymous.get("/roles/me").items()).isEmpty();
	}

	@Test
	void malformedInputToEveryAdministrationRouteThenDirectusErrorsAndServerStaysHealthy() {
		for (String route : ROUTES) {
			this.admin.post(route, "{\"name\":").error(400, "INVALID_PAYLOAD");
			this.admin.post(route, "[1, 2]").error(400, "INVALID_PAYLOAD");
			this.admin.post(route, "\"text\"").error(400, "INVALID_PAYLOAD");
			this.admin.post(route, json(Map.of("no_such_field", 1))).error(403, "FORBIDDEN");
			this.admin.patch(route, json(Map.of("keys", "not-a-list", "data", Map.of()))).error(400, "INVALID_PAYLOAD");
			this.admin.get(route + "/not-a-key").error(403, "FORBIDDEN");
			this.admin.patch(route + "/not-a-key", json(Map.of())).error(403, "FORBIDDEN");
			this.admin.delete(route + "/not-a-key").error(403, "FORBIDDEN");
			this.admin.get(route + "?filter=" + ApiClient.encode("{\"id\":")).error(400, "INVALID_QUERY");
			this.admin.get(route + "?fields=no_such_field").error(403, "FORBIDDEN");
			this.admin.get(route + "?limit=many").error(400, "INVALID_QUERY");
		}
		this.admin.post("/users", json(Map.of("email", "test-types@example.com", "password", 12345)))
			.error(400, "INVALID_PAYLOAD");
		this.admin.post("/users", json(Map.of("email", List.of("test-types@example.com")))).status();
		this.admin.post("/policies", json(Map.of("name", "test-types", "admin_access", "yes please")))
			.error(400, "INVALID_PAYLOAD");
		this.admin.post("/access", json(Map.of("policy", "not-a-uuid"))).assertNothingInternal();
		this.admin
			.post("/access",
					json(Map.of("role", UUID.randomUUID().toString(), "policy",
							PermissionEnforcementApiTests.PUBLIC_POLICY)))
			.error(400, "INVALID_FOREIGN_KEY");

		assertThat(this.admin.get("/server/health").status()).isEqualTo(200);
		assertThat(this.admin.get("/users?limit=-1").items()).hasSize(3);
		assertThat(counts()).isEqualTo(this.seeded);
	}

	private static Map<String, Object> row(String policy, String action, Object rule) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("policy", policy);
		row.put("collection", "articles");
		row.put("action", action);
		row.put("permissions", rule);
		row.put("fields", List.of("id"));
		return row;
	}

	private String userId(String email) {
		return id(this.admin.get("/users?filter[email][_eq]=" + email + "&fields=id").items().get(0));
	}

	private String userRole(String email) {
		return String
			.valueOf(this.admin.get("/users?filter[email][_eq]=" + email + "&fields=role").items().get(0).get("role"));
	}

	private static String id(Map<String, Object> item) {
		return String.valueOf(item.get("id"));
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		TABLES.forEach((table) -> counts.put(table, count(table)));
		return counts;
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
