package dev.tidings.library;

import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library domain starts as a host application and its plain collections answer.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-startup;DB_CLOSE_DELAY=-1" })
class LibraryStartupTests {

	@LocalServerPort
	int port;

	@Test
	void readWhenLibraryDomainStartsThenEveryCollectionAnswers() {
		ApiClient api = new ApiClient(this.port).asAdmin();
		for (String collection : new String[] { "authors", "author_profiles", "books", "genres", "members", "reminders",
				"loans", "branches", "staff", "librarians", "library_events", "readings", "workshops" }) {
			assertThat(api.get("/items/" + collection).items()).as(collection).isEmpty();
		}
	}

}
