package dev.tidings.items;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.tidings.app.TidingsApplication;
import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.EnforcementFixture.Grants;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.tidings.items.EnforcementFixture.ANONYMOUS;
import static dev.tidings.items.EnforcementFixture.EDITOR;
import static dev.tidings.items.EnforcementFixture.EDITOR_ID;
import static dev.tidings.items.EnforcementFixture.OTHER_ID;
import static dev.tidings.items.EnforcementFixture.forbidden;
import static dev.tidings.items.EnforcementFixture.grant;
import static dev.tidings.items.EnforcementFixture.payload;
import static dev.tidings.items.EnforcementFixture.query;
import static dev.tidings.items.EnforcementFixture.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Write permissions on the demo content: the Editor's own-articles rule, presets,
 * validation, and that a refused request writes nothing, even against a concurrent
 * writer.
 */
@SpringBootTest(classes = TidingsApplication.class, properties = EnforcementFixture.DATABASE)
class ItemsWriteEnforcementTests {

	/**
	 * The demo Editor: reads all, creates all, updates its own articles, never deletes.
	 */
	private static final Grants EDITOR_GRANTS = Grants.none()
		.with("articles", Action.READ, grant(null, "*"))
		.with("articles", Action.CREATE, grant(null, "*"))
		.with("articles", Action.UPDATE, grant("{\"author\":{\"_eq\":\"$CURRENT_USER\"}}", "*"));

	private final EnforcementFixture fixture;

	private final JdbcTemplate jdbc;

	private final PlatformTransactionManager transactionManager;

	ItemsWriteEnforcementTests(@Autowired EntityManagerFactory entityManagerFactory, @Autowired SchemaRegistry schemas,
			@Autowired PlatformTransactionManager transactionManager, @Autowired JdbcTemplate jdbc) {
		this.fixture = new EnforcementFixture(entityManagerFactory, schemas, transactionManager, jdbc);
		this.jdbc = jdbc;
		this.transactionManager = transactionManager;
	}

	@BeforeEach
	void startFromTheSeed() {
		this.fixture.reset();
	}

	@Test
	void updateWhenEditorOwnsTheArticleThenWritten() {
		int own = this.fixture.article("mine", "draft", EDITOR_ID);

		List<Object> updated = this.fixture.service(EDITOR_GRANTS)
			.update(EDITOR, "articles", List.of(own), payload("{\"title\":\"edited\"}"));

		assertThat(updated).containsExactly(own);
		assertThat(this.fixture.title(own)).isEqualTo("edited");
	}

	@Test
	void updateWhenEditorDoesNotOwnTheArticleOrItIsMissingThenForbiddenAndNothingChanges() {
		int foreign = this.fixture.article("theirs", "draft", OTHER_ID);
		ItemsService service = this.fixture.service(EDITOR_GRANTS);

		TidingsException failure = forbidden(
				() -> service.update(EDITOR, "articles", List.of(foreign), payload("{\"title\":\"edited\"}")));
		assertThat(failure.getMessage()).isEqualTo("You don't have permission to access this.");
		forbidden(() -> service.update(EDITOR, "articles", List.of(1), payload("{\"title\":\"edited\"}")));
		forbidden(() -> service.update(EDITOR, "articles", List.of(999_999), payload("{\"title\":\"edited\"}")));

		assertThat(this.fixture.title(foreign)).isEqualTo("theirs");
		assertThat(this.fixture.title(1)).isEqualTo("Spring Boot notes #1");
	}

	@Test
	void updateBatchWhenOneKeyIsForeignThenForbiddenAndNoneWritten() {
		int own = this.fixture.article("mine", "draft", EDITOR_ID);
		int foreign = this.fixture.article("theirs", "draft", OTHER_ID);
		ItemsService service = this.fixture.service(EDITOR_GRANTS);

		forbidden(() -> service.updateBatch(EDITOR, "articles",
				List.of(Map.of("id", own, "title", "edited"), Map.of("id", foreign, "title", "edited"))));
		forbidden(() -> service.update(EDITOR, "articles", List.of(own, foreign), payload("{\"title\":\"edited\"}")));
		forbidden(() -> service.updateByQuery(EDITOR, "articles",
				query("{\"filter\":{\"id\":{\"_in\":[" + own + "," + foreign + "]}}}"), payload("{\"title\":\"x\"}")));

		assertThat(this.fixture.title(own)).isEqualTo("mine");
		assertThat(this.fixture.title(foreign)).isEqualTo("theirs");
	}

	@Test
	void updateWhenAFieldIsGrantedOnlyByARuleTheKeyDoesNotMatchThenForbiddenField() {
		int own = this.fixture.article("mine", "draft", EDITOR_ID);
		int published = this.fixture.article("public", "published", OTHER_ID);
		Grants grants = Grants.none()
			.with("articles", Action.UPDATE, grant("{\"author\":{\"_eq\":\"$CURRENT_USER\"}}", "title"))
			.with("articles", Action.UPDATE, grant("{\"status\":{\"_eq\":\"published\"}}", "title,views"));
		ItemsService service = this.fixture.service(grants);

		service.update(EDITOR, "articles", List.of(published), payload("{\"views\":3}"));
		assertThat(reason(
				forbidden(() -> service.update(EDITOR, "articles", List.of(own, published), payload("{\"views\":5}")))))
			.contains("field \"views\"");
		assertThat(
				reason(forbidden(() -> service.update(EDITOR, "articles", List.of(own), payload("{\"body\":\"b\"}")))))
			.contains("field \"body\"");
		assertThat(this.jdbc.queryForObject("SELECT views FROM articles WHERE id = ?", Integer.class, published))
			.isEqualTo(3);
	}

	@Test
	void deleteWhenEditorHasNoDeleteGrantThenForbiddenAndNothingDeleted() {
		int own = this.fixture.article("mine", "draft", EDITOR_ID);
		ItemsService service = this.fixture.service(EDITOR_GRANTS);
		int before = this.fixture.count("articles");

		forbidden(() -> service.delete(EDITOR, "articles", List.of(own)));
		forbidden(() -> service.deleteByQuery(EDITOR, "articles", query("{\"filter\":{\"id\":{\"_eq\":1}}}")));

		assertThat(this.fixture.count("articles")).isEqualTo(before);
	}

	@Test
	void deleteWhenOneKeyIsOutsideTheRuleThenForbiddenAndNothingDeleted() {
		int own = this.fixture.article("mine", "draft", EDITOR_ID);
		int foreign = this.fixture.article("theirs", "draft", OTHER_ID);
		Grants grants = Grants.none()
			.with("articles", Action.DELETE, grant("{\"author\":{\"_eq\":\"$CURRENT_USER\"}}", "*"));
		ItemsService service = this.fixture.service(grants);
		int before = this.fixture.count("articles");

		forbidden(() -> service.delete(EDITOR, "articles", List.of(own, foreign)));
		assertThat(this.fixture.count("articles")).isEqualTo(before);

		service.delete(EDITOR, "articles", List.of(own));
		assertThat(this.fixture.count("articles")).isEqualTo(before - 1);
	}

	@Test
	void createWhenPresetNamesCurrentUserThenAuthorIsFilled() {
		Grants grants = Grants.none()
			.with("articles", Action.CREATE,
					grant(null, "title,status", null, "{\"author\":\"$CURRENT_USER\",\"status\":\"draft\"}"));
		ItemsService service = this.fixture.service(grants);

		Object key = service.create(EDITOR, "articles", List.of(payload("{\"title\":\"preset\"}"))).get(0);

		Map<String, Object> row = this.jdbc.queryForMap("SELECT author, status FROM articles WHERE id = ?", key);
		assertThat(row).containsEntry("AUTHOR", EDITOR_ID).containsEntry("STATUS", "draft");
		assertThat(reason(forbidden(() -> service.create(EDITOR, "articles",
				List.of(payload("{\"title\":\"t\",\"author\":\"" + OTHER_ID + "\"}"))))))
			.contains("field \"author\"");
	}

	@Test
	void createWhenValidationFailsThenFailedValidationAndPayloadWithoutTheFieldPasses() {
		Grants grants = Grants.none()
			.with("articles", Action.CREATE, grant(null, "*", "{\"status\":{\"_in\":[\"draft\"]}}", null));
		ItemsService service = this.fixture.service(grants);
		int before = this.fixture.count("articles");

		TidingsException failure = catchThrowableOfType(TidingsException.class, () -> service.create(EDITOR, "articles",
				List.of(payload("{\"title\":\"t\",\"status\":\"published\"}"))));

		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.errors()).singleElement().satisfies((error) -> {
			assertThat(error.code()).isEqualTo(ErrorCode.FAILED_VALIDATION);
			assertThat(error.message()).startsWith("Validation failed for field \"status\". ");
			assertThat(error.extensions()).containsEntry("field", "status")
				.containsEntry("path", List.of())
				.containsEntry("type", "in");
		});
		assertThat(this.fixture.count("articles")).isEqualTo(before);
		service.create(EDITOR, "articles", List.of(payload("{\"title\":\"no status\"}")));
		assertThat(this.fixture.count("articles")).isEqualTo(before + 1);
	}

	@Test
	void createWhenRequiredFieldMissingThenRequiredStillReportedForCallersAndAdmins() {
		ItemsService service = this.fixture.service(EDITOR_GRANTS);

		for (Accountability who : List.of(EDITOR, Accountability.system())) {
			TidingsException failure = catchThrowableOfType(TidingsException.class,
					() -> service.create(who, "articles", List.of(payload("{\"views\":1}"))));
			assertThat(failure.errors()).extracting(TidingsError::code).containsExactly(ErrorCode.FAILED_VALIDATION);
		}
	}

	@Test
	void writeWhenNoGrantOrAnonymousThenForbidden() {
		ItemsService service = this.fixture.service(Grants.none());
		int before = this.fixture.count("articles");

		for (Accountability who : List.of(EDITOR, ANONYMOUS)) {
			forbidden(() -> service.create(who, "articles", List.of(payload("{\"title\":\"t\"}"))));
			forbidden(() -> service.update(who, "articles", List.of(1), payload("{\"title\":\"t\"}")));
			forbidden(() -> service.delete(who, "articles", List.of(1)));
		}
		assertThat(this.fixture.count("articles")).isEqualTo(before);
		assertThat(this.fixture.title(1)).isEqualTo("Spring Boot notes #1");
	}

	@Test
	void writeWhenAdminWithoutGrantsThenAllowed() {
		ItemsService service = this.fixture.service(Grants.none());
		int foreign = this.fixture.article("theirs", "draft", OTHER_ID);

		service.update(Accountability.system(), "articles", List.of(foreign), payload("{\"title\":\"admin\"}"));
		Object created = service.create(Accountability.system(), "articles", List.of(payload("{\"title\":\"a\"}")))
			.get(0);
		service.delete(Accountability.system(), "articles", List.of(created));

		assertThat(this.fixture.title(foreign)).isEqualTo("admin");
	}

	/**
	 * The permission check and the write happen under the row lock: another transaction
	 * holds the row while giving the article away, and the Editor's update, started
	 * meanwhile, must see that committed change and refuse.
	 */
	@Test
	void updateWhenOwnershipChangesConcurrentlyThenCheckSeesCommittedStateUnderLock() throws Exception {
		int article = this.fixture.article("contended", "draft", EDITOR_ID);
		ItemsService service = this.fixture.service(EDITOR_GRANTS);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> owner = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				this.jdbc.update("UPDATE articles SET author = ? WHERE id = ?", OTHER_ID, article);
				locked.countDown();
				awaitLatch(release);
			}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<TidingsException> editor = CompletableFuture
			.supplyAsync(() -> catchThrowableOfType(TidingsException.class,
					() -> service.update(EDITOR, "articles", List.of(article), payload("{\"title\":\"edited\"}"))));
		await().atMost(10, TimeUnit.SECONDS).until(this::aSessionIsBlocked);
		release.countDown();
		owner.get(10, TimeUnit.SECONDS);

		TidingsException failure = editor.get(10, TimeUnit.SECONDS);
		assertThat(failure).isNotNull();
		assertThat(failure.httpStatus()).isEqualTo(403);
		assertThat(this.fixture.title(article)).isEqualTo("contended");
	}

	/**
	 * The reverse race: the row becomes the Editor's while its update waits for the lock.
	 */
	@Test
	void updateWhenOwnershipIsGivenConcurrentlyThenUpdateWaitsAndSucceeds() throws Exception {
		int article = this.fixture.article("handed over", "draft", OTHER_ID);
		ItemsService service = this.fixture.service(EDITOR_GRANTS);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> owner = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				this.jdbc.update("UPDATE articles SET author = ? WHERE id = ?", EDITOR_ID, article);
				locked.countDown();
				awaitLatch(release);
			}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<List<Object>> editor = CompletableFuture
			.supplyAsync(() -> service.update(EDITOR, "articles", List.of(article), payload("{\"title\":\"edited\"}")));
		await().atMost(10, TimeUnit.SECONDS).until(this::aSessionIsBlocked);
		release.countDown();
		owner.get(10, TimeUnit.SECONDS);

		assertThat(editor.get(10, TimeUnit.SECONDS)).containsExactly(article);
		assertThat(this.fixture.title(article)).isEqualTo("edited");
		assertThat(this.jdbc.queryForObject("SELECT author FROM articles WHERE id = ?", UUID.class, article))
			.isEqualTo(EDITOR_ID);
	}

	/** Whether H2 reports a session waiting for a lock another session holds. */
	private boolean aSessionIsBlocked() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL",
				Integer.class) > 0;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
