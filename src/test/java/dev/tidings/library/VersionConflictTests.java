package dev.tidings.library;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.rest.ApiClient;
import dev.tidings.security.Accountability;

import static dev.tidings.rest.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two writes of one versioned item that collide answer 409 CONFLICT instead of losing
 * one, on the embedded database (the client's own stale version is
 * {@link OptimisticLockingTests}'s).
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-versions;DB_CLOSE_DELAY=-1" })
class VersionConflictTests {

	@LocalServerPort
	int port;

	@Autowired
	ItemsService items;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManager entityManager;

	/**
	 * Two transactions read the same version; the second to write finds the row changed
	 * when it flushes.
	 */
	@Test
	void updateWhenAnotherTransactionCommittedMeanwhileThenConflict() throws Exception {
		long loan = loan(new ApiClient(this.port).asAdmin());
		CountDownLatch read = new CountDownLatch(1);
		CountDownLatch firstCommitted = new CountDownLatch(1);
		CompletableFuture<Void> second = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				// loads version 0 into this transaction before the other write
				assertThat(this.entityManager.find(Loan.class, loan)).isNotNull();
				read.countDown();
				await(firstCommitted);
				this.items.update(Accountability.system(), "loans", List.of(loan), Map.of("status", "OVERDUE"));
			}));
		await(read);
		this.items.update(Accountability.system(), "loans", List.of(loan), Map.of("status", "RETURNED"));
		firstCommitted.countDown();
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> second.get(30, TimeUnit.SECONDS))
			.havingRootCause()
			.isInstanceOfSatisfying(TidingsException.class,
					(conflict) -> assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT));
		assertThat(new ApiClient(this.port).asAdmin().get("/items/loans/" + loan).item())
			.containsEntry("status", "RETURNED")
			.containsEntry("version", 1);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long loan(ApiClient api) {
		Object member = api.post("/items/members", json(Map.of("name", "Grace"))).item().get("id");
		Object book = api.post("/items/books", json(Map.of("title", "Versioned"))).item().get("id");
		return ((Number) api.post("/items/loans", json(Map.of("book", book, "member", member))).item().get("id"))
			.longValue();
	}

}
