package dev.tidings;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Every direct sub-package of {@code dev.tidings} is an application module: Spring
 * Modulith checks that modules form no cycles and that no module reaches into another's
 * {@code internal} packages. {@link ArchitectureTests} checks the dependency table
 * itself.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of("dev.tidings");

	@Test
	void modulesHaveNoCyclesAndKeepTheirInternalsPrivate() {
		this.modules.verify();
	}

}
