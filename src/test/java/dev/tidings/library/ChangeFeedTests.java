package dev.tidings.library;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeLog;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ChangeType;
import dev.tidings.events.Cursor;
import dev.tidings.events.ItemChange;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed delivers the log's changes in order and each once: a change committed but
 * never published (its instance died in between) is read from the log, and changes the
 * bus brings out of order are put back in order.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-change-feed;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.change-log.overdue=200ms",
				"tidings.change-log.poll=100ms" })
class ChangeFeedTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeLog log;

	@Autowired
	ChangeBus bus;

	@Test
	void changeWhenCommittedButNeverPublishedThenSubscribersGetItFromTheLog() {
		try (SocketClient socket = subscribed()) {
			// what an instance that died between its commit and its publication leaves
			ChangeNotification logged = this.log.appendAlone(List.of(created(9001L, "feed Orphan"))).get(0);

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "create").containsEntry("keys", List.of(9001));
			assertThat(Cursor.parse((String) push.get("cursor")).sequence())
				.isEqualTo(logged.changes().get(0).sequence());
		}
	}

	@Test
	void changesWhenTheBusBringsThemOutOfOrderThenPushedInLogOrderOnce() {
		try (SocketClient socket = subscribed()) {
			List<ChangeNotification> logged = this.log.appendAlone(List.of(created(9101L, "feed First")));
			List<ChangeNotification> later = this.log.appendAlone(List.of(created(9102L, "feed Second")));
			this.bus.publish(later.get(0));
			this.bus.publish(logged.get(0));
			this.bus.publish(later.get(0));
			new ApiClient(this.port).asAdmin().post("/items/authors", json(Map.of("name", "feed Marker"))).item();

			assertThat(socket.next()).containsEntry("keys", List.of(9101));
			assertThat(socket.next()).containsEntry("keys", List.of(9102));
			assertThat(socket.next().get("data")).isEqualTo(List.of(Map.of("name", "feed Marker")));
		}
	}

	private SocketClient subscribed() {
		String token = new ApiClient(this.port).asAdmin().bearer();
		SocketClient socket = SocketClient.open(this.port, "?access_token=" + token);
		assertThat(socket
			.ask(Map.of("type", "subscribe", "collection", "authors", "query", Map.of("fields", List.of("name")))))
			.containsEntry("event", "init");
		return socket;
	}

	private static ChangeNotification created(long id, String name) {
		return new ChangeNotification("authors",
				List.of(new ItemChange(ChangeType.CREATE, id, null, Map.of("id", id, "name", name))), Instant.now());
	}

}
