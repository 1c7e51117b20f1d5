package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bean Validation constraints and database constraints of the library's entities answer
 * as Directus does, over REST, over the WebSocket and (as exceptions) to host code: one
 * {@code FAILED_VALIDATION} per violated constraint naming the API field and the
 * constraint, {@code RECORD_NOT_UNIQUE} naming the field of a unique constraint Hibernate
 * named itself, and nothing written.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"tidings.websockets.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:library-validation;DB_CLOSE_DELAY=-1" })
class ValidationApiTests {

	private final int port;

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ValidationApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.port = port;
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
	}

	@BeforeEach
	void empty() {
		for (String table : List.of("fines", "members", "book_genres", "genres", "book_keywords", "books")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Test
	void createWhenSeveralConstraintsFailThenOneErrorPerViolationAndNothingWritten() {
		Reply reply = this.api.post("/items/members", "{\"name\":\" \",\"telephone\":\"call me\"}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(errors(reply)).extracting((error) -> error.get("extensions"))
			.containsExactlyInAnyOrder(
					Map.of("code", "FAILED_VALIDATION", "field", "name", "type", "NotBlank", "path", List.of()),
					Map.of("code", "FAILED_VALIDATION", "field", "telephone", "type", "Pattern", "path", List.of()));
		assertThat(errors(reply)).extracting((error) -> error.get("message"))
			.contains("Validation failed for field \"name\". Value must not be blank.");
		assertThat(count("members")).isZero();
	}

	@Test
	void createWhenConstrainedAttributeHasAnotherColumnNameThenTheApiFieldIsNamed() {
		Map<String, Object> error = this.api.post("/items/fines", "{\"amount\":1,\"days_late\":0}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "days_late").containsEntry("type", "Min");
	}

	@Test
	void createBatchWhenOneItemFailsThenNoneWritten() {
		this.api.post("/items/books", "[{\"title\":\"Fine\",\"pages\":10},{\"title\":\"Odd\",\"pages\":-1}]")
			.error(400, "FAILED_VALIDATION");

		assertThat(count("books")).isZero();
	}

	@Test
	void updateWhenValueBreaksAConstraintThenFailedValidationAndRowUnchanged() {
		Object id = this.api.post("/items/books", "{\"title\":\"Kept\",\"pages\":10}").item().get("id");

		Map<String, Object> error = this.api.patch("/items/books/" + id, "{\"pages\":-5}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "pages").containsEntry("type", "PositiveOrZero");
		assertThat(this.jdbc.queryForObject("SELECT pages FROM books WHERE id = ?", Integer.class, id)).isEqualTo(10);
		this.api.patch("/items/books", "[{\"id\":" + id + ",\"title\":\"\"}]").error(400, "FAILED_VALIDATION");
		assertThat(this.jdbc.queryForObject("SELECT title FROM books WHERE id = ?", String.class, id))
			.isEqualTo("Kept");
	}

	@Test
	void updateOfAnotherFieldWhenRowIsAlreadyInvalidThenTheInvalidFieldIsNamedUntilFixed() {
		this.jdbc.update("INSERT INTO members (id, name, telephone, reminder_days) VALUES (?, '', NULL, 3)",
				java.util.UUID.fromString("00000000-0000-4000-8000-000000000001"));
		String path = "/items/members/00000000-0000-4000-8000-000000000001";

		Map<String, Object> error = this.api.patch(path, "{\"telephone\":\"+44 1234 5678\"}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "name").containsEntry("type", "NotBlank");
		assertThat(this.api.patch(path + "?fields=name,telephone", "{\"name\":\"Ada\",\"telephone\":\"+44 1234 5678\"}")
			.item()).isEqualTo(Map.of("name", "Ada", "telephone", "+44 1234 5678"));
	}

	@Test
	void createWhenUniqueColumnRepeatsThenRecordNotUniqueNamesTheField() {
		this.api.post("/items/genres", "{\"name\":\"Poetry\"}").item();
		this.api.post("/items/books", "{\"title\":\"One\",\"isbn\":\"978-0\"}").item();

		Map<String, Object> genre = this.api.post("/items/genres", "{\"name\":\"Poetry\"}")
			.error(400, "RECORD_NOT_UNIQUE");
		// several fields in the payload: the constraint, not the payload, names the field
		Map<String, Object> book = this.api.post("/items/books", "{\"title\":\"Two\",\"pages\":3,\"isbn\":\"978-0\"}")
			.error(400, "RECORD_NOT_UNIQUE");

		assertThat(Reply.extensions(genre)).containsEntry("field", "name").containsEntry("collection", "genres");
		assertThat(Reply.extensions(book)).containsEntry("field", "isbn").containsEntry("collection", "books");
		assertThat(count("books")).isOne();
	}

	@Test
	void updateWhenUniqueColumnRepeatsThenRecordNotUniqueNamesTheField() {
		this.api.post("/items/genres", "{\"name\":\"Poetry\"}").item();
		Object drama = this.api.post("/items/genres", "{\"name\":\"Drama\"}").item().get("id");

		Map<String, Object> error = this.api.patch("/items/genres", "[{\"id\":" + drama + ",\"name\":\"Poetry\"}]")
			.error(400, "RECORD_NOT_UNIQUE");

		assertThat(Reply.extensions(error)).containsEntry("field", "name");
	}

	@Test
	void createWhenDatabaseCheckFailsThenFailedValidationNamesTheField() {
		Map<String, Object> error = this.api.post("/items/fines", "{\"amount\":-1,\"days_late\":2}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "amount")
			.containsEntry("type", "check")
			.containsEntry("path", List.of());
		assertThat(count("fines")).isZero();
	}

	@Test
	void createOverTheSocketWhenConstraintFailsThenFailedValidationAndNothingWritten() {
		try (SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			Map<String, Object> reply = client.ask(Map.of("type", "items", "collection", "members", "action", "create",
					"data", Map.of("name", ""), "uid", "v"));
			Map<String, Object> unique = client.ask(Map.of("type", "items", "collection", "genres", "action", "create",
					"data", List.of(Map.of("name", "Twice"), Map.of("name", "Twice"))));

			assertThat(reply).containsEntry("status", "error").containsEntry("uid", "v");
			assertThat(reply.get("error")).isEqualTo(Map.of("code", "FAILED_VALIDATION", "message",
					"Validation failed for field \"name\". Value must not be blank."));
			assertThat(unique).containsEntry("status", "error");
			assertThat(unique.get("error")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("code", "RECORD_NOT_UNIQUE");
			assertThat(count("members") + count("genres")).isZero();
		}
	}

	@Test
	void saveFromHostCodeWhenConstraintFailsThenConstraintViolationAndNoPush(@Autowired EntityManager entityManager,
			@Autowired TransactionTemplate transactions) {
		try (SocketClient client = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD))) {
			assertThat(client
				.ask(Map.of("type", "subscribe", "collection", "members", "query", Map.of("fields", List.of("name")))))
				.containsEntry("event", "init");

			// Hibernate checks at flush, here the commit: Spring wraps what it throws
			assertThat(catchThrowable(() -> transactions
				.executeWithoutResult((status) -> entityManager.persist(new Member("", "+44 1234 5678"))))).rootCause()
				.isInstanceOfSatisfying(ConstraintViolationException.class,
						(ex) -> assertThat(ex.getConstraintViolations())
							.extracting((violation) -> violation.getPropertyPath().toString())
							.containsExactly("name"));
			transactions.executeWithoutResult((status) -> entityManager.persist(new Member("Ada", "+44 1234 5678")));

			// pushes arrive in commit order: the first one is the valid member's
			assertThat(client.next()).containsEntry("event", "create")
				.containsEntry("data", List.of(Map.of("name", "Ada")));
			assertThat(count("members")).isOne();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Reply reply) {
		return (List<Map<String, Object>>) reply.object().get("errors");
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

}
