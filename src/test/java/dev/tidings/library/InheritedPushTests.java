package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row of a subclass is a row of every collection up its inheritance tree, as reads list
 * it: subscribers of the parent collection hear of it too, with the parent's fields.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"tidings.websockets.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:library-inherited-pushes;DB_CLOSE_DELAY=-1" })
class InheritedPushTests {

	private final int port;

	private final ApiClient api;

	InheritedPushTests(@LocalServerPort int port) {
		this.port = port;
		this.api = new ApiClient(port).asAdmin();
	}

	@Test
	void writeOfJoinedSubclassThenParentSubscribersHearItWithTheParentsFields() {
		try (SocketClient staff = subscribed("staff"); SocketClient librarians = subscribed("librarians")) {
			Object id = this.api.post("/items/librarians", "{\"name\":\"Ada\",\"desk\":\"North\"}").item().get("id");

			assertThat(staff.next()).containsEntry("event", "create")
				.containsEntry("data", List.of(Map.of("id", id, "name", "Ada")));
			assertThat(librarians.next()).containsEntry("event", "create")
				.containsEntry("data", List.of(Map.of("id", id, "name", "Ada", "desk", "North")));

			this.api.patch("/items/librarians/" + id, "{\"desk\":\"South\"}").item();
			assertThat(staff.next()).containsEntry("event", "update");
			assertThat(librarians.next()).containsEntry("event", "update");

			this.api.delete("/items/staff/" + id);
			assertThat(staff.next()).containsEntry("event", "delete").containsEntry("data", List.of(id));
			assertThat(librarians.next()).containsEntry("event", "delete").containsEntry("data", List.of(id));
		}
	}

	@Test
	void writeOfSingleTableSubclassThenOnlyItsTreeHearsIt() {
		try (SocketClient events = subscribed("library_events");
				SocketClient readings = subscribed("readings");
				SocketClient workshops = subscribed("workshops")) {
			Object id = this.api.post("/items/workshops", "{\"name\":\"Binding\",\"seats\":12}").item().get("id");

			assertThat(events.next()).containsEntry("event", "create");
			assertThat(workshops.next()).containsEntry("event", "create");
			this.api.post("/items/readings", "{\"name\":\"Poems\"}").item();
			assertThat(readings.next()).as("a reading subscriber hears only readings")
				.containsEntry("event", "create")
				.extracting((message) -> ((List<?>) message.get("data")).get(0))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("name", "Poems")
				.doesNotContainEntry("id", id);
		}
	}

	private SocketClient subscribed(String collection) {
		SocketClient socket = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD));
		assertThat(socket.ask(Map.of("type", "subscribe", "collection", collection))).containsEntry("event", "init");
		return socket;
	}

}
