package dev.tidings.rest;

import java.util.Map;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes around the items API that clients and load balancers call, and the answer to
 * a route that does not exist.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:server-routes-tests;DB_CLOSE_DELAY=-1")
class ServerRoutesTests {

	private final ApiClient api;

	ServerRoutesTests(@LocalServerPort int port) {
		this.api = new ApiClient(port);
	}

	@Test
	void unknownRouteThenRouteNotFoundWithPath() {
		Reply reply = this.api.get("/nope/deeper");

		Map<String, Object> error = reply.error(404, "ROUTE_NOT_FOUND");
		assertThat(error).isEqualTo(Map.of("message", "Route /nope/deeper doesn't exist.", "extensions",
				Map.of("path", "/nope/deeper", "code", "ROUTE_NOT_FOUND")));
	}

	@Test
	void pingThenPong() {
		Reply reply = this.api.get("/server/ping");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("pong");
		assertThat(reply.contentType()).startsWith("text/html");
	}

	@Test
	void healthThenOkWithoutEnvelope() {
		Reply reply = this.api.get("/server/health");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/health+json");
		assertThat(ApiClient.parse(reply.body())).isEqualTo(Map.of("status", "ok"));
	}

}
