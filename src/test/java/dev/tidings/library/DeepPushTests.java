package dev.tidings.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import dev.tidings.realtime.SocketClient;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real socket, {@code deep}, {@code alias} and function fields shape a WebSocket
 * {@code items} read, a subscription's {@code init}, and every push after it alike: the
 * push is read from the database with the subscription's query.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-deep-push;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true" })
class DeepPushTests {

	private static final Map<String, Object> QUERY = Map.of("fields",
			List.of("id", "name", "books.title", "latest.title", "born_in"), "filter",
			Map.of("name", Map.of("_starts_with", "push")), "alias", Map.of("latest", "books", "born_in", "year(born)"),
			"deep", Map.of("books", Map.of("_filter", Map.of("title", Map.of("_contains", "Hobbit"))), "latest",
					Map.of("_sort", List.of("-title"), "_limit", 1)));

	@LocalServerPort
	int port;

	@Test
	void pushWhenSubscriptionHasDeepAliasAndFunctionsThenShapedLikeItsInit() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		RelationsFixture library = new RelationsFixture(admin, "push");
		admin.patch("/items/authors/" + library.tolkien, json(Map.of("born", "1892-01-03"))).item();
		try (SocketClient socket = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			Map<String, Object> read = socket
				.ask(Map.of("type", "items", "collection", "authors", "action", "read", "query", QUERY, "uid", "r"));
			Map<String, Object> tolkien = Map.of("id", library.tolkien, "name", "push Tolkien", "books",
					List.of(Map.of("title", "push The Hobbit")), "latest", List.of(Map.of("title", "push The Hobbit")),
					"born_in", 1892);
			assertThat(read.get("data")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(tolkien);

			Map<String, Object> init = socket
				.ask(Map.of("type", "subscribe", "collection", "authors", "uid", "s", "query", QUERY));
			assertThat(init).containsEntry("event", "init");
			assertThat(init.get("data")).isEqualTo(read.get("data"));

			admin.patch("/items/authors/" + library.tolkien, json(Map.of("name", "push J.R.R. Tolkien"))).item();
			Map<String, Object> push = socket.next();
			assertThat(push).containsEntry("event", "update");
			assertThat(push.get("data")).isEqualTo(List.of(Map.of("id", library.tolkien, "name", "push J.R.R. Tolkien",
					"books", List.of(Map.of("title", "push The Hobbit")), "latest",
					List.of(Map.of("title", "push The Hobbit")), "born_in", 1892)));

			RelationsFixture.create(admin, "books",
					Map.of("title", "push Unfinished Tales", "author", library.tolkien));
			admin.patch("/items/authors/" + library.tolkien, json(Map.of("name", "push Tolkien"))).item();
			List<Object> latest = new ArrayList<>();
			latest.add(Map.of("title", "push Unfinished Tales"));
			assertThat(socket.next().get("data"))
				.isEqualTo(List.of(Map.of("id", library.tolkien, "name", "push Tolkien", "books",
						List.of(Map.of("title", "push The Hobbit")), "latest", latest, "born_in", 1892)));
		}
	}

}
