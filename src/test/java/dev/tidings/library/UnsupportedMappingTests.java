package dev.tidings.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mappings without a field are named at start-up, never dropped silently.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsupportedMappingTests {

	@Test
	void startWhenAttributeHasNoFieldThenWarningNamesEntityAndAttribute(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LibraryTestApplication.class).run(
				"--spring.datasource.url=jdbc:h2:mem:library-unsupported;DB_CLOSE_DELAY=-1",
				"--spring.jpa.hibernate.ddl-auto=create-drop", "--spring.flyway.enabled=false", "--server.port=0")) {
			// a map-valued element collection has no field; a list of values has one
			assertThat(output).contains("WARN")
				.contains("Tidings does not support attribute \"labels\" of entity dev.tidings.library.Genre")
				.doesNotContain("Tidings does not support attribute \"keywords\"")
				.doesNotContain("Tidings does not support attribute \"address\"");
		}
	}

}
