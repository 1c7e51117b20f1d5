package dev.tidings.library;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unique and check violations name their field on PostgreSQL as on H2, though PostgreSQL
 * names the constraints differently and refuses every statement of the failed
 * transaction. The library's tables live in a schema of their own, dropped afterwards.
 */
@Tag("postgres")
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.username=postgres", "spring.datasource.hikari.maximum-pool-size=3" })
class ValidationPostgresTests {

	private static final PostgresSchema SCHEMA = new PostgresSchema("tidings_validation");

	private final ApiClient api;

	private final JdbcTemplate jdbc;

	ValidationPostgresTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc) {
		this.api = new ApiClient(port).asAdmin();
		this.jdbc = jdbc;
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
	void createWhenUniqueColumnRepeatsThenRecordNotUniqueNamesTheField() {
		this.api.post("/items/genres", "{\"name\":\"Poetry\"}").item();
		this.api.post("/items/books", "{\"title\":\"One\",\"isbn\":\"978-1\"}").item();

		Map<String, Object> genre = this.api.post("/items/genres", "{\"name\":\"Poetry\"}")
			.error(400, "RECORD_NOT_UNIQUE");
		Map<String, Object> book = this.api.post("/items/books", "{\"title\":\"Two\",\"pages\":3,\"isbn\":\"978-1\"}")
			.error(400, "RECORD_NOT_UNIQUE");

		assertThat(Reply.extensions(genre)).containsEntry("field", "name").containsEntry("collection", "genres");
		assertThat(Reply.extensions(book)).containsEntry("field", "isbn").containsEntry("collection", "books");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM books", Integer.class)).isOne();
	}

	@Test
	void createWhenDatabaseCheckFailsThenFailedValidationNamesTheField() {
		Map<String, Object> error = this.api.post("/items/fines", "{\"amount\":-1,\"days_late\":2}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "amount")
			.containsEntry("type", "check")
			.containsEntry("path", List.of());
	}

	@Test
	void createWhenBeanValidationFailsThenFailedValidation() {
		Map<String, Object> error = this.api.post("/items/authors", "{\"name\":\"\"}").error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "name").containsEntry("type", "NotBlank");
	}

}
