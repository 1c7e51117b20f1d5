package dev.tidings.realtime;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.tidings.app.TidingsApplication;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A REST write, its commit and its pushes as one trace: the change is observed as
 * {@code tidings.change} from its commit to its pushes, a child of the request that made
 * the write.
 */
@SpringBootTest(classes = { TidingsApplication.class, ChangeObservationTests.Observations.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:change-observation;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class ChangeObservationTests {

	private final int port;

	private final TestObservationRegistry observations;

	ChangeObservationTests(@LocalServerPort int port, @Autowired TestObservationRegistry observations) {
		this.port = port;
		this.observations = observations;
	}

	@Test
	void writeWhenItIsPushedThenItsChangeIsObservedUnderTheRequestWithItsPushes() {
		String admin = SocketClient.token(this.port, "admin@example.com", "admin-password-123");
		try (SocketClient reader = subscribed("reader@example.com", "reader-password-123");
				SocketClient editor = subscribed("editor@example.com", "editor-password-123")) {
			Rest.send(this.port, admin, "POST", "/items/articles", Map.of("title", "Observed", "status", "published"));
			assertThat(reader.next()).containsEntry("event", "create");
			assertThat(editor.next()).containsEntry("event", "create");

			Predicate<Observation.ContextView> theWrite = (request) -> request.getName().equals("http.server.requests")
					&& "http post /items/{collection}".equals(request.getContextualName());
			await().untilAsserted(() -> assertThat(this.observations)
				.hasAnObservation((change) -> change.hasNameEqualTo("tidings.change")
					.hasLowCardinalityKeyValue("collection", "articles")
					.hasHighCardinalityKeyValue("changes", "1")
					.hasHighCardinalityKeyValue("pushes", "2")
					.hasParentObservationContextMatching(theWrite)));
		}
	}

	private SocketClient subscribed(String email, String password) {
		SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, email, password));
		assertThat(client.ask(Map.of("type", "subscribe", "collection", "articles", "query",
				Map.of("fields", List.of("id"), "limit", 1))))
			.containsEntry("event", "init");
		return client;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
