package dev.tidings.library;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.tidings.events.ChangeLog;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.Cursor;
import dev.tidings.items.ItemsService;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import dev.tidings.security.Accountability;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change log: every committed change is recorded in the writing transaction with a
 * sequence that follows commit order, a rolled back one leaves nothing, and pushes and
 * {@code init} carry cursors of it. Activity is off: its rows would take sequences of
 * their own between the writes these tests count.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-change-log;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.activity.enabled=false" })
class ChangeLogTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeLog log;

	@Autowired
	ItemsService items;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EntityManager entityManager;

	@Test
	void pushWhenChangesCommitThenItCarriesTheCursorOfItsLastChangeAndInitTheOneBefore() {
		ApiClient admin = new ApiClient(this.port).asAdmin();
		try (SocketClient socket = SocketClient.open(this.port, "?access_token=" + admin.bearer())) {
			Map<String, Object> init = socket
				.ask(Map.of("type", "subscribe", "collection", "authors", "query", Map.of("fields", List.of("name"))));
			Cursor start = Cursor.parse((String) init.get("cursor"));
			assertThat(start).isNotNull();
			assertThat(start.epoch()).isEqualTo(this.log.cursor(0).epoch());

			admin.post("/items/authors", json(List.of(Map.of("name", "log One"), Map.of("name", "log Two")))).items();
			Map<String, Object> created = socket.next();
			assertThat(created).containsEntry("event", "create");
			Cursor afterCreate = Cursor.parse((String) created.get("cursor"));
			assertThat(afterCreate.sequence()).isEqualTo(start.sequence() + 2);

			admin.patch("/items/authors/" + ((List<?>) created.get("keys")).get(0), json(Map.of("name", "log Uno")));
			Cursor afterUpdate = Cursor.parse((String) socket.next().get("cursor"));
			assertThat(afterUpdate.sequence()).isEqualTo(afterCreate.sequence() + 1);

			List<ChangeNotification> logged = this.log.after(start.sequence(), 10);
			assertThat(logged).hasSize(2);
			assertThat(logged.get(0).changes()).extracting((change) -> change.after().get("name"))
				.containsExactly("log One", "log Two");
			assertThat(logged.get(1).changes().get(0).sequence()).isEqualTo(afterUpdate.sequence());
		}
	}

	@Test
	void changeWhenAValueIsOfAConvertedTypeThenTheLogReadsItBackAsThatType() {
		long before = this.log.last();
		new ApiClient(this.port).asAdmin()
			.post("/items/books", json(Map.of("title", "log Locale", "language", "pt-BR")))
			.item();
		Map<String, Object> logged = this.log.after(before, 10).get(0).changes().get(0).after();
		assertThat(logged).containsEntry("language", Locale.forLanguageTag("pt-BR"));
	}

	@Test
	void writeWhenRolledBackThenNothingIsLogged() {
		long before = this.log.last();
		new ApiClient(this.port).asAdmin()
			.post("/items/authors", json(Map.of("name", "")))
			.error(400, "FAILED_VALIDATION");
		assertThat(this.log.last()).isEqualTo(before);
		assertThat(this.log.after(before, 10)).isEmpty();
	}

	@Test
	void commitWhenAnotherTransactionLoggedFirstThenItWaitsAndGetsTheLaterSequence() throws Exception {
		CountDownLatch logged = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				this.items.create(Accountability.system(), "authors", List.of(Map.of("name", "order First")));
				// runs after the log's own callback, which was registered with the first
				// change
				this.entityManager.unwrap(SharedSessionContractImplementor.class)
					.getTransactionCompletionCallbacks()
					.registerCallback((BeforeCompletionCallback) (session) -> {
						logged.countDown();
						awaitQuietly(release);
					});
			}));
		assertThat(logged.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Object> second = CompletableFuture.supplyAsync(
				() -> this.items.create(Accountability.system(), "authors", List.of(Map.of("name", "order Second")))
					.get(0));
		// the second commit waits for the first, which holds the log's head
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
		release.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);

		List<ChangeNotification> tail = this.log.after(this.log.last() - 2, 10);
		assertThat(tail).extracting((notification) -> notification.changes().get(0).after().get("name"))
			.containsExactly("order First", "order Second");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
