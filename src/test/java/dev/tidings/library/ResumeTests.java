package dev.tidings.library;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code subscribe} with {@code since}: a client that reconnects gets every change it
 * missed, in order, then the live ones, none twice; a cursor the log cannot honour gets a
 * fresh {@code init} with {@code resumed: false}. A cursor of a change this instance has
 * not delivered yet (another one handed it out) is honoured once it has. Activity is off:
 * its rows would count against the retention of five changes.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-resume;DB_CLOSE_DELAY=-1", "tidings.websockets.enabled=true",
				"tidings.change-log.retention-events=5", "tidings.activity.enabled=false" })
class ResumeTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void subscribeWhenSinceACursorThenMissedChangesInOrderThenLiveOnesOnce() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		String token = admin.bearer();
		String seen;
		try (SocketClient first = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(first.ask(subscribe(null))).containsEntry("event", "init");
			create(admin, "resume A");
			seen = (String) first.next().get("cursor");
			create(admin, "resume B");
			assertThat(first.next()).containsEntry("event", "create");
		}
		Object updated = create(admin, "resume C");
		admin.patch("/items/authors/" + updated, json(Map.of("name", "resume C2"))).item();

		try (SocketClient again = SocketClient.open(this.port, "?access_token=" + token)) {
			Map<String, Object> init = again.ask(subscribe(seen));
			assertThat(init).containsEntry("event", "init")
				.containsEntry("resumed", true)
				.containsEntry("cursor", seen)
				.doesNotContainKey("data");
			assertThat(names(again.next())).containsExactly("resume B");
			assertThat(names(again.next())).containsExactly("resume C");
			Map<String, Object> update = again.next();
			assertThat(update).containsEntry("event", "update");
			assertThat(names(update)).containsExactly("resume C2");

			create(admin, "resume D");
			Map<String, Object> live = again.next();
			assertThat(names(live)).containsExactly("resume D");
			assertThat(Cursor.parse((String) live.get("cursor")).sequence())
				.isGreaterThan(Cursor.parse((String) update.get("cursor")).sequence());
		}
	}

	@Test
	void subscribeWhenTheCursorCannotBeHonouredThenAFreshInitNotResumed() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		create(admin, "fresh Old");
		String old = this.log.cursor(this.log.last()).toString();
		create(admin, "fresh New");
		String epoch = this.log.cursor(0).epoch();
		// beyond retention: five changes here
		for (int i = 0; i < 5; i++) {
			create(admin, "fresh Newer " + i);
		}
		List<String> refused = List.of("nonsense", "00000000-5", epoch + "-" + (this.log.last() + 100), old);
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + admin.bearer())) {
			for (String since : refused) {
				Map<String, Object> init = socket.ask(subscribe(since));
				assertThat(init).as(since).containsEntry("event", "init").containsEntry("resumed", false);
				assertThat(names(init)).as(since).contains("fresh Old", "fresh New");
			}
		}
	}

	@Test
	void subscribeWhenTheCursorIsOfAChangeThisInstanceHasNotDeliveredYetThenResumedOnceItHas() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		// what another instance committed a moment ago: in the log, not yet delivered
		// here
		ChangeNotification elsewhere = this.log.appendAlone(List.of(new ChangeNotification("authors",
				List.of(new ItemChange(ChangeType.CREATE, 9301L, null, Map.of("id", 9301L, "name", "ahead Elsewhere"))),
				Instant.now())))
			.get(0);
		String ahead = this.log.cursor(elsewhere.changes().get(0).sequence()).toString();

		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + admin.bearer())) {
			Map<String, Object> init = socket.ask(subscribe(ahead));
			assertThat(init).containsEntry("resumed", true).containsEntry("cursor", ahead);
			create(admin, "ahead Next");
			assertThat(names(socket.next())).containsExactly("ahead Next");
		}
	}

	@Test
	void subscribeWhenTheMissedChangesAreStillInMemoryThenTheyAreNotReadFromTheLog() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		String seen;
		try (SocketClient first = SocketClient.open(this.port, "?access_token=" + admin.bearer())) {
			assertThat(first.ask(subscribe(null))).containsEntry("event", "init");
			create(admin, "memory A");
			seen = (String) first.next().get("cursor");
		}
		create(admin, "memory B");
		spoilTheLogAfter(seen);

		try (SocketClient again = SocketClient.open(this.port, "?access_token=" + admin.bearer())) {
			assertThat(again.ask(subscribe(seen))).containsEntry("resumed", true);
			missedWhenTheLogIsSpoilt(again);
		}
	}

	/** Makes the log's rows after the cursor unreadable, as a corrupted log would be. */
	private void spoilTheLogAfter(String cursor) {
		this.jdbc.update("update tidings_changes set payload = 'not json' where first_sequence > ?",
				Cursor.parse(cursor).sequence());
	}

	/** What a resumed socket gets when the log after its cursor cannot be read. */
	void missedWhenTheLogIsSpoilt(SocketClient socket) {
		assertThat(names(socket.next())).containsExactly("memory B");
	}

	Object create(ApiClient admin, String name) {
		return admin.post("/items/authors", json(Map.of("name", name))).item().get("id");
	}

	static Map<String, Object> subscribe(String since) {
		Map<String, Object> message = new LinkedHashMap<>(Map.of("type", "subscribe", "collection", "authors", "uid",
				"live", "query", Map.of("fields", List.of("name"), "sort", List.of("id"))));
		if (since != null) {
			message.put("since", since);
		}
		return message;
	}

	@SuppressWarnings("unchecked")
	static List<Object> names(Map<String, Object> message) {
		return ((List<Map<String, Object>>) message.get("data")).stream().map((row) -> row.get("name")).toList();
	}

}
