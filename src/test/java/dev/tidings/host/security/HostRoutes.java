package dev.tidings.host.security;

import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** A route of the host's own, and what every host security test checks of Tidings. */
@RestController
public class HostRoutes {

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

	/** The role the hosts' users are mapped to: it may read and create pets. */
	public static final String KEEPERS = "Pet keepers";

	/** Creates {@link #KEEPERS}, as an administrator would. */
	public static void createKeepersRole(int port) {
		ApiClient admin = new ApiClient(port).asAdmin();
		Object role = admin.post("/roles", ApiClient.json(Map.of("name", KEEPERS))).item().get("id");
		Object policy = admin
			.post("/policies", ApiClient.json(Map.of("name", KEEPERS, "admin_access", false, "app_access", false)))
			.item()
			.get("id");
		admin.post("/access", ApiClient.json(Map.of("role", role, "policy", policy))).item();
		for (String action : List.of("read", "create")) {
			admin
				.post("/permissions",
						ApiClient.json(Map.of("policy", policy, "collection", "pets", "action", action, "fields",
								List.of("*"))))
				.item();
		}
	}

	/**
	 * Tidings' routes answer as without Spring Security: public routes to anyone, a
	 * token-authenticated write with no CSRF token, and the WebSocket endpoint.
	 */
	public static void assertTidingsWorksUnchanged(int port) {
		ApiClient anonymous = new ApiClient(port);
		assertThat(anonymous.get("/server/ping").status()).isEqualTo(200);
		assertThat(anonymous.get("/items/pets").error(403, "FORBIDDEN")).isNotNull();
		ApiClient admin = new ApiClient(port).asAdmin();
		admin.post("/items/pets", "{\"name\":\"Rex\"}").item();
		assertThat(admin.get("/items/pets?fields=name").items()).contains(Map.of("name", "Rex"));
		try (SocketClient socket = SocketClient.open(port,
				"?access_token=" + SocketClient.token(port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			assertThat(socket.ask(Map.of("type", "items", "collection", "pets", "action", "read", "query",
					Map.of("fields", List.of("name"), "filter", Map.of("name", Map.of("_eq", "Rex"))), "uid", "r")))
				.containsEntry("data", List.of(Map.of("name", "Rex")));
		}
	}

}
