package dev.tidings.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.app.TidingsApplication;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import dev.tidings.security.Accountability;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The send time limit on its own: with a buffer limit too large to be reached, a client
 * that stops reading is still cut off, as a slow client, once a write to it has waited
 * longer than {@code send-time-limit}; a client that reads is untouched.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-send-time-limit;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.send-buffer-limit=1GB",
				"tidings.websockets.send-time-limit=1s" })
class SendTimeLimitTests {

	private final int port;

	private final ItemsService items;

	private final RealtimeEndpoint endpoint;

	private final MeterRegistry meters;

	SendTimeLimitTests(@LocalServerPort int port, @Autowired ItemsService items, @Autowired RealtimeEndpoint endpoint,
			@Autowired MeterRegistry meters) {
		this.port = port;
		this.items = items;
		this.endpoint = endpoint;
		this.meters = meters;
	}

	@Test
	void clientThatStopsReadingIsCutOffOnceAWriteOutlastsTheTimeLimit() {
		try (SocketClient slow = subscribed("admin@example.com", "admin-password-123");
				SocketClient reading = subscribed("editor@example.com", "editor-password-123")) {
			int before = this.endpoint.openSockets();
			double slowCloses = slowCloses();
			slow.stall();
			String body = "x".repeat(30_000);
			int batch = 0;
			// written until the stalled client's socket buffers are full and a write
			// waits; the buffer limit (1 GB) is never reached
			while (this.endpoint.openSockets() == before && batch < 150) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					rows.add(Map.of("title", "Big " + batch + "/" + i, "status", "draft", "body", body));
				}
				this.items.create(Accountability.system(), "articles", rows);
				assertThat(reading.next()).containsEntry("event", "create");
				batch++;
			}

			await().untilAsserted(() -> assertThat(this.endpoint.openSockets()).isEqualTo(before - 1));
			await().untilAsserted(() -> assertThat(slowCloses()).isEqualTo(slowCloses + 1));
			assertThat(reading.isClosed()).isFalse();
		}
	}

	private double slowCloses() {
		return this.meters.get("tidings.realtime.slow.closes").counter().count();
	}

	private SocketClient subscribed(String email, String password) {
		SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, email, password));
		Map<String, Object> init = client.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "live",
				"query", Map.of("fields", List.of("id", "body"), "limit", 1)));
		assertThat(init).containsEntry("event", "init");
		return client;
	}

}
