package dev.tidings.library;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * A host application holding only the library entities, as a team that adopts Tidings
 * would have it: its own entities, its own schema (created by Hibernate here), Tidings
 * through auto-configuration. {@link #main} serves it for the SDK suite. It opts in to
 * Spring Data's auditing with Tidings' auditor, so {@code user_created} and
 * {@code user_updated} name the Tidings caller; as in Directus, the "updated" fields stay
 * empty until the first update.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = LibraryTestApplication.class)
@EnableJpaAuditing(auditorAwareRef = "tidingsAuditor", modifyOnCreate = false)
public class LibraryTestApplication {

	/** The settings every library context uses, whatever its database. */
	public static final String[] PROPERTIES = { "spring.jpa.hibernate.ddl-auto=create-drop",
			"spring.flyway.enabled=false", "tidings.standalone.demo-content=false" };

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(LibraryTestApplication.class);
		application.setDefaultProperties(java.util.Arrays.stream(PROPERTIES)
			.map((line) -> line.split("=", 2))
			.collect(java.util.stream.Collectors.toMap((pair) -> pair[0], (pair) -> (Object) pair[1])));
		application.run(args);
	}

}
