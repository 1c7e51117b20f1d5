package dev.tidings.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tidings.app.TidingsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An overloaded dispatcher sheds the socket that caused the load, never the others'
 * pushes. A notification may wait 1 ms for its dispatch thread; a flooder holds 60
 * subscriptions of its own, each re-reading the changed rows and counting {@code meta},
 * so each notification costs it a few hundred milliseconds of dispatch, while writers
 * commit 40 articles from four threads: the next notifications wait far longer than 1 ms,
 * whatever the machine. The flooder is closed with 4500 and the honest Reader receives
 * all 40 creates (the queue is large enough that none is dropped for being full).
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:realtime-overload;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.websockets.dispatch-max-lag=1ms",
				"tidings.websockets.rate-limit=0" })
class DispatchOverloadTests {

	private static final int FLOOD = 60;

	private static final int WRITES = 40;

	private final int port;

	private final JdbcTemplate jdbc;

	DispatchOverloadTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	@AfterEach
	void removeCreatedRows() {
		this.jdbc.update("DELETE FROM articles WHERE id > 20");
	}

	@Test
	void overloadWhenOneSocketHoldsManyCostlySubscriptionsThenItIsShedAndTheReaderMissesNothing() throws Exception {
		String admin = SocketClient.token(this.port, "admin@example.com", "admin-password-123");
		try (SocketClient reader = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, "reader@example.com", "reader-password-123"));
				SocketClient flooder = SocketClient.open(this.port, "?access_token="
						+ SocketClient.token(this.port, "editor@example.com", "editor-password-123"))) {
			assertThat(reader.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "honest", "query",
					Map.of("fields", List.of("id", "title"), "limit", 1))))
				.containsEntry("event", "init");
			for (int i = 0; i < FLOOD; i++) {
				// "*" takes the comments alias: every one of these groups re-reads its
				// rows
				Map<String, Object> query = Map.of("fields", List.of("*"), "meta", "*", "limit", 1, "filter",
						Map.of("title", Map.of("_neq", "flood " + i)));
				assertThat(flooder
					.ask(Map.of("type", "subscribe", "collection", "articles", "uid", "f" + i, "query", query)))
					.containsEntry("event", "init");
			}

			List<Integer> created = write(admin);

			assertThat(flooder.closeCode()).isEqualTo(4500);
			assertThat(flooder.closeReason()).startsWith("Server overloaded");
			List<Object> received = new ArrayList<>();
			while (received.size() < WRITES) {
				Map<String, Object> push = reader.next();
				assertThat(push).containsEntry("event", "create").containsEntry("uid", "honest");
				received.add(push.get("key"));
			}
			assertThat(received).containsExactlyInAnyOrderElementsOf(created);
			assertThat(reader.isClosed()).isFalse();
		}
	}

	/** Commits the articles from four threads; their keys. */
	private List<Integer> write(String admin) throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				done.add(writers.submit(() -> {
					for (int i = 0; i < WRITES / 4; i++) {
						Rest.send(this.port, admin, "POST", "/items/articles",
								Map.of("title", "Write " + thread + "-" + i, "status", "published"));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
		}
		return this.jdbc.queryForList("SELECT id FROM articles WHERE id > 20 ORDER BY id", Integer.class);
	}

}
