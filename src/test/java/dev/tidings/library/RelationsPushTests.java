package dev.tidings.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that changes only the members of a relation (no column of the item) is still a
 * change of the item: subscribers of its collection get an {@code update} over a real
 * socket, with the new members.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-relations-push;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class RelationsPushTests {

	@LocalServerPort
	int port;

	@Test
	void pushWhenOnlyManyToManyMembersChangeThenOwnerGetsAnUpdate() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		RelationsFixture library = new RelationsFixture(admin, "m2m");
		try (SocketClient socket = subscribed("books", List.of("id", "genres"))) {
			admin.patch("/items/books/" + library.hobbit, json(Map.of("genres", List.of(library.poetry)))).item();

			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "update").containsEntry("keys", List.of(library.hobbit));
			assertThat(push.get("data"))
				.isEqualTo(List.of(Map.of("id", library.hobbit, "genres", List.of(library.poetry))));
		}
	}

	@Test
	void pushWhenInverseManyToManyWrittenThenBothSidesGetAnUpdate() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		RelationsFixture library = new RelationsFixture(admin, "inverse");
		try (SocketClient books = subscribed("books", List.of("id", "genres"));
				SocketClient genres = subscribed("genres", List.of("id", "books"))) {
			admin.patch("/items/genres/" + library.classics, json(Map.of("books", List.of(library.hobbit)))).item();

			// one transaction, one push: the book that gained the genre and the one that
			// lost it
			Map<String, Object> bookPush = books.next();
			assertThat(bookPush).containsEntry("event", "update");
			assertThat(bookPush.get("data")).asInstanceOf(InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrder(
						Map.of("id", library.hobbit, "genres", List.of(library.fantasy, library.classics)),
						Map.of("id", library.emma, "genres", List.of()));
			Map<String, Object> genrePush = genres.next();
			assertThat(genrePush).containsEntry("event", "update")
				.containsEntry("data", List.of(Map.of("id", library.classics, "books", List.of(library.hobbit))));
		}
	}

	@Test
	void pushWhenOneWayOneToManyMembersChangeThenOwnerGetsAnUpdate() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		RelationsFixture library = new RelationsFixture(admin, "oneway");
		try (SocketClient members = subscribed("members", List.of("id", "reminders"));
				SocketClient branches = subscribed("branches", List.of("id", "staff"))) {
			admin.patch("/items/members/" + library.member, json(Map.of("reminders", List.of(library.holdReminder))))
				.item();
			assertThat(members.next()).containsEntry("event", "update")
				.containsEntry("data",
						List.of(Map.of("id", library.member, "reminders", List.of(library.holdReminder))));

			admin.patch("/items/branches/" + library.branch, json(Map.of("staff", List.of(library.alice, library.bob))))
				.item();
			assertThat(branches.next()).containsEntry("event", "update")
				.containsEntry("data",
						List.of(Map.of("id", library.branch, "staff", List.of(library.alice, library.bob))));
		}
	}

	@Test
	void pushWhenSubscriptionFiltersOnInverseOneToOneThenDecidedOnTheDatabaseRow() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		RelationsFixture library = new RelationsFixture(admin, "alias");
		Object unprofiled = RelationsFixture.create(admin, "authors", Map.of("name", "alias Anonymous"));
		try (SocketClient socket = subscribed("authors", List.of("id", "name"),
				Map.of("profile", Map.of("_nnull", true)))) {
			admin.patch("/items/authors/" + unprofiled, json(Map.of("name", "alias Still anonymous"))).item();
			admin.patch("/items/authors/" + library.austen, json(Map.of("name", "alias Jane Austen"))).item();

			// the first change is not pushed: the next push is the second one
			assertThat(socket.next()).containsEntry("event", "update")
				.containsEntry("data", List.of(Map.of("id", library.austen, "name", "alias Jane Austen")));
		}
	}

	private SocketClient subscribed(String collection, List<String> fields) {
		return subscribed(collection, fields, Map.of());
	}

	private SocketClient subscribed(String collection, List<String> fields, Map<String, Object> filter) {
		SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD));
		Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", collection, "uid", collection,
				"query", Map.of("fields", new ArrayList<>(fields), "limit", 1, "filter", filter)));
		assertThat(init).containsEntry("event", "init");
		return client;
	}

}
