package dev.tidings.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.realtime.MessagesTests.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-socket and per-user limits, hit by real clients: subscriptions per socket and
 * query size answer {@code LIMIT_EXCEEDED} and leave the socket usable; sockets per user
 * (or per address, without a token) refuse the upgrade with 429, or the {@code auth} with
 * {@code LIMIT_EXCEEDED} and close 1008, and free up when a socket closes.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-limits;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.max-subscriptions-per-socket=3",
				"tidings.websockets.max-sockets-per-user=2", "tidings.websockets.max-query-size=1KB" })
class RealtimeLimitsTests {

	private final int port;

	private final RealtimeEndpoint endpoint;

	RealtimeLimitsTests(@LocalServerPort int port, @Autowired RealtimeEndpoint endpoint) {
		this.port = port;
		this.endpoint = endpoint;
	}

	/** The sockets of the previous test are gone, and with them their counts. */
	@BeforeEach
	void noSocketLeftOpen() {
		await().until(() -> this.endpoint.openSockets() == 0);
	}

	@Test
	void subscribeWhenSocketHoldsTheMostThenLimitExceededUntilAnUnsubscribeFreesOne() {
		try (SocketClient reader = SocketClient.open(this.port, "?access_token=" + token("reader"))) {
			for (String uid : List.of("1", "2", "3")) {
				assertThat(reader.ask(subscribe(uid))).containsEntry("event", "init");
			}

			Map<String, Object> refused = reader.ask(subscribe("4"));
			assertThat(refused).containsEntry("type", "subscribe").containsEntry("uid", "4");
			assertThat(error(refused)).containsEntry("code", "LIMIT_EXCEEDED")
				.containsEntry("message", "Too many subscriptions: at most 3 per socket.");
			// replacing a held uid takes no new slot
			assertThat(reader.ask(subscribe("2"))).containsEntry("event", "init");
			assertThat(reader.ask(Map.of("type", "unsubscribe", "uid", "1"))).containsEntry("event", "unsubscribe");
			assertThat(reader.ask(subscribe("4"))).containsEntry("event", "init").containsEntry("uid", "4");
			assertThat(error(reader.ask(subscribe("5")))).containsEntry("code", "LIMIT_EXCEEDED");

			// unsubscribing all frees every slot
			reader.ask(Map.of("type", "unsubscribe"));
			for (String uid : List.of("6", "7", "8")) {
				assertThat(reader.ask(subscribe(uid))).containsEntry("event", "init");
			}
			assertThat(reader.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
	}

	@Test
	void queryWhenLargerThanMaxQuerySizeThenLimitExceededForSubscribeAndItemsInEitherForm() {
		String big = "x".repeat(1100);
		Map<String, Object> query = Map.of("filter", Map.of("title", Map.of("_eq", big)));
		try (SocketClient reader = SocketClient.open(this.port, "?access_token=" + token("reader"))) {
			Map<String, Object> subscribe = reader
				.ask(Map.of("type", "subscribe", "collection", "articles", "query", query, "uid", "big"));
			assertThat(subscribe).containsEntry("type", "subscribe").containsEntry("uid", "big");
			assertThat(error(subscribe)).containsEntry("code", "LIMIT_EXCEEDED")
				.containsEntry("message", "Query too large: at most 1024 bytes.");

			String asString = SocketClient.json.writeValueAsString(query);
			Map<String, Object> items = reader
				.ask(Map.of("type", "items", "collection", "articles", "action", "read", "query", asString, "uid", 7));
			assertThat(items).containsEntry("type", "items").containsEntry("uid", 7);
			assertThat(error(items)).containsEntry("code", "LIMIT_EXCEEDED");

			// the refused subscribe took no slot, and the socket goes on
			Map<String, Object> small = Map.of("filter", Map.of("title", Map.of("_eq", "x".repeat(900))), "fields",
					List.of("id"));
			assertThat(reader.ask(Map.of("type", "subscribe", "collection", "articles", "query", small, "uid", "ok")))
				.containsEntry("event", "init");
		}
	}

	@Test
	void upgradeWhenUserHoldsTheMostSocketsThen429AndAClosedSocketFreesItsPlace() {
		String reader = token("reader");
		List<SocketClient> open = new ArrayList<>();
		try {
			open.add(SocketClient.open(this.port, "?access_token=" + reader));
			open.add(SocketClient.open(this.port, "?access_token=" + reader));

			assertThat(SocketClient.refusal(this.port, "?access_token=" + reader, Map.of())).isEqualTo(429);
			// another user is not affected, and the held sockets still work
			assertThat(SocketClient.refusal(this.port, "?access_token=" + token("editor"), Map.of())).isEqualTo(101);
			assertThat(open.get(0).ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));

			open.remove(0).close();
			await().until(() -> SocketClient.refusal(this.port, "?access_token=" + reader, Map.of()) == 101);
		}
		finally {
			open.forEach(SocketClient::close);
		}
	}

	@Test
	void authWhenUserHoldsTheMostSocketsThenLimitExceededAndClose1008() {
		String reader = token("reader");
		try (SocketClient first = SocketClient.open(this.port, "?access_token=" + reader);
				SocketClient second = SocketClient.open(this.port, "?access_token=" + reader);
				SocketClient third = SocketClient.open(this.port, "")) {
			Map<String, Object> refused = third.ask(Map.of("type", "auth", "access_token", reader, "uid", "a"));

			assertThat(refused).containsEntry("type", "auth").containsEntry("uid", "a");
			assertThat(error(refused)).containsEntry("code", "LIMIT_EXCEEDED")
				.containsEntry("message", "Too many sockets for this user: at most 2.");
			assertThat(third.closeCode()).isEqualTo(1008);
			assertThat(third.closeReason()).isEqualTo("Too many sockets.");
			assertThat(first.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
	}

	@Test
	void upgradeWhenAddressHoldsTheMostAnonymousSocketsThen429UntilOneAuthenticates() {
		try (SocketClient first = SocketClient.open(this.port, "");
				SocketClient second = SocketClient.open(this.port, "")) {
			assertThat(SocketClient.refusal(this.port, "", Map.of())).isEqualTo(429);

			// an authenticated socket counts against its user, not the address
			assertThat(first.ask(Map.of("type", "auth", "access_token", token("editor")))).containsEntry("status",
					"ok");
			await().until(() -> SocketClient.refusal(this.port, "", Map.of()) == 101);
		}
	}

	private String token(String name) {
		return SocketClient.token(this.port, name + "@example.com", name + "-password-123");
	}

	private static Map<String, Object> subscribe(String uid) {
		return Map.of("type", "subscribe", "collection", "articles", "query",
				Map.of("fields", List.of("id"), "limit", 1), "uid", uid);
	}

}
