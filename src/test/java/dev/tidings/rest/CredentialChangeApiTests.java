package dev.tidings.rest;

import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords written through the administration routes are stored hashed, and a new
 * password or a suspension ends the user's sessions: a refresh token stolen before the
 * change stops working, also once the user is active again.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:credential-change-tests;DB_CLOSE_DELAY=-1",
				"tidings.auth.login-stall-time=10ms" })
class CredentialChangeApiTests {

	private final ApiClient admin;

	private final ApiClient anonymous;

	private final JdbcTemplate jdbc;

	CredentialChangeApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.admin = new ApiClient(port).asAdmin();
		this.anonymous = new ApiClient(port);
		this.jdbc = jdbc;
	}

	@Test
	void passwordChangeByAdminEndsTheUsersSessionsAndStoresOnlyTheHash() {
		String id = (String) this.admin
			.post("/users", ApiClient.json(Map.of("email", "changing@example.com", "password", "first-password-1")))
			.item()
			.get("id");
		assertThat(this.jdbc.queryForObject("select password from tidings_users where email = 'changing@example.com'",
				String.class))
			.startsWith("$argon2id$");
		String refresh = (String) login("first-password-1").get("refresh_token");
		assertThat(this.jdbc.queryForObject("select count(*) from tidings_sessions s join tidings_users u "
				+ "on s.\"user\" = u.id where u.email = 'changing@example.com'", Integer.class))
			.isEqualTo(1);

		assertThat(this.admin.patch("/users/" + id, ApiClient.json(Map.of("password", "second-password-2"))).status())
			.isEqualTo(200);

		this.anonymous.post("/auth/refresh", ApiClient.json(Map.of("refresh_token", refresh, "mode", "json")))
			.error(401, "INVALID_CREDENTIALS");
		this.anonymous
			.post("/auth/login",
					ApiClient.json(Map.of("email", "changing@example.com", "password", "first-password-1")))
			.error(401, "INVALID_CREDENTIALS");
		assertThat(login("second-password-2")).containsKey("access_token");
	}

	@Test
	void emptyPasswordInAnUpdateLeavesThePasswordAndSessionsAlone() {
		String id = (String) this.admin
			.post("/users", ApiClient.json(Map.of("email", "keeping@example.com", "password", "kept-password-1")))
			.item()
			.get("id");
		String refresh = (String) this.anonymous
			.post("/auth/login",
					ApiClient
						.json(Map.of("email", "keeping@example.com", "password", "kept-password-1", "mode", "json")))
			.item()
			.get("refresh_token");

		this.admin.patch("/users/" + id, ApiClient.json(Map.of("password", "", "first_name", "Kept")));

		assertThat(
				this.anonymous.post("/auth/refresh", ApiClient.json(Map.of("refresh_token", refresh, "mode", "json")))
					.status())
			.isEqualTo(200);
	}

	@Test
	void suspensionEndsTheUsersSessionsSoReactivationBringsNoOldRefreshTokenBack() {
		String id = (String) this.admin
			.post("/users", ApiClient.json(Map.of("email", "suspending@example.com", "password", "suspend-password-1")))
			.item()
			.get("id");
		String refresh = (String) this.anonymous
			.post("/auth/login",
					ApiClient.json(Map.of("email", "suspending@example.com", "password", "suspend-password-1", "mode",
							"json")))
			.item()
			.get("refresh_token");

		this.admin.patch("/users/" + id, ApiClient.json(Map.of("status", "suspended")));
		this.admin.patch("/users/" + id, ApiClient.json(Map.of("status", "active")));

		this.anonymous.post("/auth/refresh", ApiClient.json(Map.of("refresh_token", refresh, "mode", "json")))
			.error(401, "INVALID_CREDENTIALS");
		assertThat(this.jdbc.queryForObject("select count(*) from tidings_sessions s join tidings_users u "
				+ "on s.\"user\" = u.id where u.email = 'suspending@example.com'", Integer.class))
			.isZero();
	}

	private Map<String, Object> login(String password) {
		return this.anonymous
			.post("/auth/login",
					ApiClient.json(Map.of("email", "changing@example.com", "password", password, "mode", "json")))
			.item();
	}

}
