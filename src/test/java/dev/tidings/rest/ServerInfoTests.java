package dev.tidings.rest;

import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /server/info}: the project for everyone; the query limits, the WebSocket
 * endpoint as configured and the version only for a signed-in user.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:server-info-tests;DB_CLOSE_DELAY=-1",
				"tidings.rest.project-name=Newsroom", "tidings.rest.query-limit-max=250",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=strict",
				"tidings.websockets.heartbeat-period=45s" })
class ServerInfoTests {

	private final ApiClient anonymous;

	private final ApiClient reader;

	ServerInfoTests(@LocalServerPort int port) {
		this.anonymous = new ApiClient(port);
		this.reader = new ApiClient(port).as("reader@example.com", "reader-password-123");
	}

	@Test
	void infoWhenAnonymousThenOnlyTheProject() {
		Map<String, Object> info = this.anonymous.get("/server/info").object();
		assertThat(info).containsOnlyKeys("data");
		assertThat(data(info)).containsOnlyKeys("project");
		assertThat(project(data(info))).containsEntry("project_name", "Newsroom");
	}

	@Test
	void infoWhenSignedInThenLimitsWebSocketAndVersion() {
		Map<String, Object> info = data(this.reader.get("/server/info").object());
		assertThat(project(info)).containsEntry("project_name", "Newsroom");
		assertThat(info.get("queryLimit")).isEqualTo(Map.of("default", 100, "max", 250));
		assertThat(info.get("websocket"))
			.isEqualTo(Map.of("rest", Map.of("authentication", "strict", "path", "/websocket"), "graphql", false,
					"heartbeat", 45, "logs", false));
		assertThat(info.get("version")).isInstanceOf(String.class);
		assertThat(info).containsEntry("rateLimit", false);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> body) {
		return (Map<String, Object>) body.get("data");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> project(Map<String, Object> data) {
		return (Map<String, Object>) data.get("project");
	}

}
