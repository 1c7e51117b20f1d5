package dev.tidings.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two writers of one versioned item at the same time: the one that commits second is
 * refused with a conflict rather than overwriting the first. PostgreSQL makes the race
 * deterministic: the first writer holds the row lock with its version bumped, the REST
 * update waits on it, and is let go only when the first commits.
 */
@Tag("postgres")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.username=postgres", "spring.datasource.hikari.maximum-pool-size=3" })
class ConcurrentWriteTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_versions");

	private final ApiClient api;

	ConcurrentWriteTests(@LocalServerPort int port) {
		this.api = new ApiClient(port).asAdmin();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		SCHEMA.create(registry);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		SCHEMA.drop();
	}

	@Test
	void updateWhenAnotherWriterCommitsFirstThenConflictAndTheFirstWriteStays() throws Exception {
		Object book = this.api.post("/items/books", "{\"title\":\"Contested\"}").item().get("id");
		Object member = this.api.post("/items/members", "{\"name\":\"Borrower\"}").item().get("id");
		Number id = (Number) this.api.post("/items/loans", ApiClient.json(Map.of("book", book, "member", member)))
			.item()
			.get("id");

		try (Connection first = SCHEMA.connect()) {
			first.setAutoCommit(false);
			try (PreparedStatement update = first
				.prepareStatement("UPDATE loans SET due_on = DATE '2026-12-20', version = version + 1 WHERE id = ?")) {
				update.setLong(1, id.longValue());
				assertThat(update.executeUpdate()).isOne();
			}
			CompletableFuture<Reply> second = CompletableFuture
				.supplyAsync(() -> this.api.patch("/items/loans/" + id, "{\"due_on\":\"2026-12-24\"}"));
			await().atMost(Duration.ofSeconds(20)).until(ConcurrentWriteTests::aWriterWaitsOnALock);
			first.commit();

			Map<String, Object> error = second.get().error(409, "CONFLICT");

			assertThat(Reply.extensions(error)).containsEntry("collection", "loans");
		}
		assertThat(this.api.get("/items/loans/" + id).item()).containsEntry("due_on", "2026-12-20")
			.containsEntry("version", 1);
	}

	private static boolean aWriterWaitsOnALock() throws SQLException {
		return PostgresSchema.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
				+ "AND query LIKE 'update loans%'") > 0;
	}

}
