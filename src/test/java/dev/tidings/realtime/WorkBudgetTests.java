package dev.tidings.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one user's messages may cost the server, across its sockets: with a budget of 1 ms
 * of work a second, a read that takes longer puts the Reader in debt, so its next
 * message, on any of its sockets, is answered {@code REQUESTS_EXCEEDED} with the wait,
 * while another user is served; once the debt is repaid the Reader is served again.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-work-budget;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.max-work-per-second=1ms" })
class WorkBudgetTests {

	private final int port;

	WorkBudgetTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void messagesWhenTheirUserSpentItsWorkBudgetThenRequestsExceededOnEverySocketUntilRepaid() {
		String reader = SocketClient.token(this.port, "reader@example.com", "reader-password-123");
		String editor = SocketClient.token(this.port, "editor@example.com", "editor-password-123");
		try (SocketClient first = SocketClient.open(this.port, "?access_token=" + reader);
				SocketClient second = SocketClient.open(this.port, "?access_token=" + reader);
				SocketClient other = SocketClient.open(this.port, "?access_token=" + editor)) {
			// reads of all articles, many times over: far more than the 50 ms of a burst
			Map<String, Object> read = Map.of("type", "items", "collection", "articles", "action", "read", "query",
					Map.of("limit", -1, "search", "notes"));
			// warm the read path up on another user's budget, so the Reader's reads cost
			// what a served read costs and its debt stays short
			try (SocketClient warmUp = SocketClient.open(this.port,
					"?access_token=" + SocketClient.token(this.port, "admin@example.com", "admin-password-123"))) {
				IntStream.range(0, 50).forEach((i) -> warmUp.ask(read));
			}
			// the debt is what the last read overshot the budget by, so a refusal may ask
			// for a wait too short to check the other socket within; read until one asks
			// for at least 50 ms (at 1 ms of work a second, 50 µs of overshoot)
			AtomicReference<Map<String, Object>> refusal = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				Map<String, Object> reply = first.ask(read);
				if ("error".equals(reply.get("status")) && retryAfterMillis(reply) >= 50) {
					refusal.set(reply);
				}
				return refusal.get() != null;
			});
			Map<String, Object> refused = refusal.get();
			assertThat(error(refused)).containsEntry("code", "REQUESTS_EXCEEDED");
			assertThat(error(refused).get("message")).asString().matches("Too many messages, retry after \\d+ms\\.");

			// the debt is the user's, not the socket's; another user is unaffected
			assertThat(error(second.ask(Map.of("type", "ping")))).containsEntry("code", "REQUESTS_EXCEEDED");
			assertThat(other.ask(Map.of("type", "ping"))).isEqualTo(Map.of("type", "pong"));

			await().atMost(Duration.ofSeconds(60))
				.until(() -> Map.of("type", "pong").equals(second.ask(Map.of("type", "ping"))));
		}
	}

	private static long retryAfterMillis(Map<String, Object> refusal) {
		Matcher wait = Pattern.compile("retry after (\\d+)ms").matcher(String.valueOf(error(refusal).get("message")));
		return wait.find() ? Long.parseLong(wait.group(1)) : 0;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> error(Map<String, Object> reply) {
		return (Map<String, Object>) reply.get("error");
	}

}
