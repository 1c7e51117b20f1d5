package dev.tidings.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.tidings.realtime.MessagesTests.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public mode, the heartbeat with a one-second period, the connection limit and the
 * origin check, as docs/protocol.md describes them ("Authentication modes", "Heartbeat
 * and token expiry", "Connecting").
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-public;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.auth-mode=public",
				"tidings.websockets.heartbeat-period=1s", "tidings.websockets.max-connections=5",
				"tidings.websockets.allowed-origins=https://app.example.com" })
class PublicModeTests {

	private final int port;

	PublicModeTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void publicSocketIsServedAndReadsAsThePublic() {
		try (SocketClient client = SocketClient.open(this.port, "")) {
			assertThat(client.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
			// the demo's public policy grants nothing
			Map<String, Object> reply = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "p"));
			assertThat(error(reply)).containsEntry("code", "FORBIDDEN");
		}
	}

	@Test
	void anonymousSubscriberGetsWhatThePublicPolicyAllowsAndLosesItWhenRevoked() {
		String admin = SocketClient.token(this.port, "admin@example.com", "admin-password-123");
		Map<String, Object> rule = Map.of("policy", "abf8a154-5b1c-4a46-ac9c-7300570f4f17", "collection", "articles",
				"action", "read", "fields", List.of("id", "title"), "permissions",
				Map.of("status", Map.of("_eq", "published")));
		Object permission = ((Map<?, ?>) Rest.send(this.port, admin, "POST", "/permissions", rule).get("data"))
			.get("id");
		try (SocketClient anonymous = SocketClient.open(this.port, "");
				SocketClient observer = SocketClient.open(this.port, "?access_token=" + admin)) {
			Map<String, Object> init = anonymous
				.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "a", "query", Map.of("limit", 1)));
			assertThat(init).containsEntry("event", "init");
			assertThat(observer.ask(Map.of("type", "subscribe", "collection", "articles", "query",
					Map.of("fields", List.of("id"), "limit", 1))))
				.containsEntry("event", "init");

			Rest.send(this.port, admin, "POST", "/items/articles", Map.of("title", "Draft", "status", "draft"));
			Map<?, ?> published = (Map<?, ?>) Rest
				.send(this.port, admin, "POST", "/items/articles", Map.of("title", "Open", "status", "published"))
				.get("data");

			// the draft never reaches the public: the first push is the published article
			Map<String, Object> push = anonymous.next();
			assertThat(push).containsEntry("event", "create");
			assertThat(push.get("data")).isEqualTo(List.of(Map.of("id", published.get("id"), "title", "Open")));

			Rest.send(this.port, admin, "DELETE", "/permissions/" + permission, null);
			Rest.send(this.port, admin, "POST", "/items/articles", Map.of("title", "Closed", "status", "published"));
			Rest.send(this.port, admin, "DELETE", "/items/articles/" + published.get("id"), null);
			// once the observer has all four pushes, the dispatcher is past them for
			// everyone
			for (int i = 0; i < 4; i++) {
				observer.next();
			}
			// revoked before the next push: neither the create nor the delete reached the
			// public
			assertThat(anonymous.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
		}
		finally {
			Rest.send(this.port, admin, "DELETE", "/items/articles",
					Map.of("query", Map.of("filter", Map.of("id", Map.of("_gt", 20)))));
		}
	}

	@Test
	void failedAuthInPublicModeKeepsTheSocketAsPublic() {
		try (SocketClient client = SocketClient.open(this.port, "")) {
			assertThat(error(client.ask(Map.of("type", "auth", "access_token", "forged", "uid", 1))))
				.containsEntry("code", "AUTH_FAILED");
			assertThat(client.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));
			String token = SocketClient.token(this.port, "admin@example.com", "admin-password-123");
			assertThat(client.ask(Map.of("type", "auth", "access_token", token))).containsEntry("status", "ok");
			assertThat(client.ask(Map.of("type", "subscribe", "collection", "articles", "event", "create")))
				.containsEntry("event", "init");
		}
	}

	@Test
	void silentClientIsClosedByTheHeartbeatWhileAnAnsweringOneStays() {
		try (SocketClient silent = SocketClient.silent(this.port, "");
				SocketClient answering = SocketClient.open(this.port, "")) {
			assertThat(silent.next()).isEqualTo(Map.of("type", "ping"));
			assertThat(silent.closeCode()).isEqualTo(1000);
			assertThat(answering.isClosed()).isFalse();
			assertThat(answering.ask(Map.of("type", "ping", "uid", "alive")))
				.isEqualTo(Map.of("type", "pong", "uid", "alive"));
		}
	}

	@Test
	void connectionsOpenedAllAtOnceStillStopAtTheLimit() throws Exception {
		// twelve upgrades racing each other: the limit must hold while sockets are still
		// being registered, not only once they are
		int attempts = 12;
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<SocketClient>> tries = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			tries.add(pool.submit(() -> {
				start.await();
				try {
					return SocketClient.open(this.port, "");
				}
				catch (RuntimeException ex) {
					return null;
				}
			}));
		}
		start.countDown();
		List<SocketClient> open = new ArrayList<>();
		try {
			for (Future<SocketClient> attempt : tries) {
				SocketClient client = attempt.get(30, TimeUnit.SECONDS);
				if (client != null) {
					open.add(client);
				}
			}
			assertThat(open).hasSizeLessThanOrEqualTo(5).isNotEmpty();
		}
		finally {
			open.forEach(SocketClient::close);
			pool.shutdownNow();
		}
	}

	@Test
	void connectionsBeyondTheLimitAreRefusedWith403() {
		List<SocketClient> open = new ArrayList<>();
		try {
			int refusal = 101;
			for (int i = 0; i < 10 && refusal == 101; i++) {
				try {
					open.add(SocketClient.open(this.port, ""));
				}
				catch (RuntimeException ex) {
					refusal = SocketClient.refusal(this.port, "", Map.of());
				}
			}
			assertThat(refusal).isEqualTo(403);
			assertThat(open).hasSizeLessThanOrEqualTo(5);
		}
		finally {
			open.forEach(SocketClient::close);
		}
	}

	@Test
	void foreignOriginIsRefusedWith403AndOwnOrListedOriginsAccepted() {
		assertThat(SocketClient.refusal(this.port, "", Map.of("Origin", "https://evil.example.com"))).isEqualTo(403);
		assertThat(SocketClient.refusal(this.port, "", Map.of("Origin", "https://app.example.com"))).isEqualTo(101);
		assertThat(SocketClient.refusal(this.port, "", Map.of("Origin", "http://localhost:" + this.port)))
			.isEqualTo(101);
	}

}
