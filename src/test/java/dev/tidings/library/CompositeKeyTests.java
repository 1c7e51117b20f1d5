package dev.tidings.library;

import java.util.Map;

import dev.tidings.rest.ApiClient;
import dev.tidings.rest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tidings cannot serve is never dropped silently: an entity with a composite key, or
 * an attribute without a field, is warned about at start-up, naming it, and a request
 * naming it answers why.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompositeKeyTests {

	@Test
	void startWhenMappingIsUnsupportedThenWarnedAndRequestsNamingItAnswerWhy(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LibraryTestApplication.class).run(
				"--spring.datasource.url=jdbc:h2:mem:library-composite;DB_CLOSE_DELAY=-1",
				"--spring.jpa.hibernate.ddl-auto=create-drop", "--spring.flyway.enabled=false", "--server.port=0")) {
			assertThat(output).contains("WARN")
				.contains("Collection \"shelf_slots\" (entity dev.tidings.library.ShelfSlot) has a composite key");

			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			ApiClient api = new ApiClient(port).asAdmin();
			Map<String, Object> error = api.get("/items/shelf_slots").error(422, "UNPROCESSABLE_CONTENT");
			assertThat((String) error.get("message")).contains("shelf_slots").contains("composite key");
			assertThat(Reply.extensions(error)).containsEntry("collection", "shelf_slots");
			api.post("/items/shelf_slots", "{\"code\":\"A1\"}").error(422, "UNPROCESSABLE_CONTENT");
			assertThat(api.get("/items/books").status()).isEqualTo(200);

			assertThat(output).contains("Tidings does not support attribute \"openingHours\" of entity "
					+ "dev.tidings.library.Branch (ELEMENT_COLLECTION)");
			for (String request : new String[] { "/items/branches?fields=id,opening_hours",
					"/items/branches?filter=" + ApiClient.encode("{\"opening_hours\":{\"_null\":true}}"),
					"/items/branches?sort=opening_hours" }) {
				Map<String, Object> named = api.get(request).error(422, "UNPROCESSABLE_CONTENT");
				assertThat(Reply.extensions(named)).as(request).containsEntry("field", "opening_hours");
			}
			api.post("/items/branches", "{\"name\":\"North\",\"opening_hours\":{}}")
				.error(422, "UNPROCESSABLE_CONTENT");
		}
	}

}
