package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that has Hibernate validate other groups than the default one: what Tidings'
 * check before the flush lets through, Hibernate refuses at the flush, and that answers
 * as the same {@code FAILED_VALIDATION}, never a 500.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
		"spring.jpa.properties.jakarta.persistence.validation.group.pre-persist=dev.tidings.library.Fine$Strict",
		"spring.datasource.url=jdbc:h2:mem:library-validation-groups;DB_CLOSE_DELAY=-1" })
class ValidationGroupsTests {

	@Test
	void createWhenHibernateRefusesAtFlushThenFailedValidationNamesTheField(@LocalServerPort int port,
			@Autowired JdbcTemplate jdbc) {
		Map<String, Object> error = new ApiClient(port).asAdmin()
			.post("/items/fines", "{\"amount\":1,\"note\":\"" + "n".repeat(21) + "\"}")
			.error(400, "FAILED_VALIDATION");

		assertThat(Reply.extensions(error)).containsEntry("field", "note")
			.containsEntry("type", "Size")
			.containsEntry("path", List.of());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fines", Integer.class)).isZero();
	}

}
