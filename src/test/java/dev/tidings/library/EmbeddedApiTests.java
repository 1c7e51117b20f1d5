package dev.tidings.library;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;

import static dev.tidings.rest.ApiClient.encode;
import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's embedded address is flattened into fields of its own ({@code street},
 * {@code city}, {@code postcode}): read, written, filtered and sorted over REST, and
 * filtering a subscription's pushes over a real socket.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-embedded;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=handshake" })
class EmbeddedApiTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void admin() {
		this.api = new ApiClient(this.port).asAdmin();
		for (Map<String, Object> member : this.api.get("/items/members?fields=id&limit=-1").items()) {
			this.api.delete("/items/members/" + member.get("id"));
		}
	}

	@Test
	void readWhenAddressWrittenThenItsAttributesAreFieldsOfTheMember() {
		Map<String, Object> created = member("Ada", "1 Loop Lane", "Porto", "4000");
		Map<String, Object> read = this.api.get("/items/members/" + created.get("id")).item();
		assertThat(read).containsEntry("street", "1 Loop Lane")
			.containsEntry("city", "Porto")
			.containsEntry("postcode", "4000")
			.doesNotContainKey("address");
		assertThat(this.api.get("/items/members/" + created.get("id") + "?fields=name,city").item())
			.isEqualTo(Map.of("name", "Ada", "city", "Porto"));
	}

	@Test
	void readWhenNoAddressThenItsFieldsAreNull() {
		Map<String, Object> created = this.api.post("/items/members", json(Map.of("name", "Bo"))).item();
		Map<String, Object> read = this.api.get("/items/members/" + created.get("id")).item();
		assertThat(read).containsEntry("street", null).containsEntry("city", null).containsEntry("postcode", null);
	}

	@Test
	void writeWhenOneAttributeThenOthersKeptOrNull() {
		Map<String, Object> bare = this.api.post("/items/members", json(Map.of("name", "Cy"))).item();
		Map<String, Object> patched = this.api.patch("/items/members/" + bare.get("id"), json(Map.of("city", "Braga")))
			.item();
		assertThat(patched).containsEntry("city", "Braga").containsEntry("street", null);
		Map<String, Object> full = member("Di", "2 Main St", "Lisbon", "1000");
		this.api.patch("/items/members/" + full.get("id"), json(Map.of("postcode", "1100")));
		assertThat(this.api.get("/items/members/" + full.get("id")).item()).containsEntry("street", "2 Main St")
			.containsEntry("city", "Lisbon")
			.containsEntry("postcode", "1100");
		Map<String, Object> cleared = new HashMap<>();
		cleared.put("street", null);
		cleared.put("city", null);
		cleared.put("postcode", null);
		this.api.patch("/items/members/" + full.get("id"), json(cleared));
		assertThat(this.api.get("/items/members/" + full.get("id")).item()).containsEntry("street", null)
			.containsEntry("city", null)
			.containsEntry("postcode", null);
	}

	@Test
	void filterAndSortWhenOnEmbeddedFieldsThenSqlReachesTheirColumns() {
		member("Ed", "3 Elm", "Porto", "4100");
		member("Flo", "4 Oak", "Lisbon", "1200");
		member("Gus", "5 Ash", "Porto", "4050");
		this.api.post("/items/members", json(Map.of("name", "Hal")));
		String filter = encode(json(Map.of("city", Map.of("_eq", "Porto"))));
		assertThat(this.api.get("/items/members?fields=name&sort=postcode&filter=" + filter).items())
			.extracting((item) -> item.get("name"))
			.containsExactly("Gus", "Ed");
		assertThat(this.api.get("/items/members?fields=name&sort=-street").items())
			.extracting((item) -> item.get("name"))
			.containsExactly("Hal", "Gus", "Flo", "Ed");
		String missing = encode(json(Map.of("city", Map.of("_null", true))));
		assertThat(this.api.get("/items/members?fields=name&filter=" + missing).items())
			.extracting((item) -> item.get("name"))
			.containsExactly("Hal");
	}

	@Test
	@SuppressWarnings("unchecked")
	void subscriptionWhenFilteredByCityThenPushesMatchingCreatesAndUpdates() {
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + this.api.bearer())) {
			Map<String, Object> init = socket
				.ask(Map.of("type", "subscribe", "collection", "members", "uid", "porto", "query", Map.of("fields",
						List.of("name", "street", "city"), "filter", Map.of("city", Map.of("_eq", "Porto")))));
			assertThat(init).containsEntry("event", "init");
			member("Ivo", "6 Pine", "Lisbon", "1300");
			Map<String, Object> jo = member("Jo", "7 Fir", "Porto", "4200");
			Map<String, Object> create = socket.next();
			assertThat(create).containsEntry("event", "create");
			assertThat((List<Map<String, Object>>) create.get("data"))
				.containsExactly(Map.of("name", "Jo", "street", "7 Fir", "city", "Porto"));
			this.api.patch("/items/members/" + jo.get("id"), json(Map.of("street", "8 Fir")));
			Map<String, Object> update = socket.next();
			assertThat(update).containsEntry("event", "update");
			assertThat((List<Map<String, Object>>) update.get("data"))
				.containsExactly(Map.of("name", "Jo", "street", "8 Fir", "city", "Porto"));
		}
	}

	private Map<String, Object> member(String name, String street, String city, String postcode) {
		return this.api
			.post("/items/members", json(Map.of("name", name, "street", street, "city", city, "postcode", postcode)))
			.item();
	}

}
