package dev.tidings;

import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

/**
 * The module table (which module may use which), rule by rule. {@link ModularityTests}
 * checks the same modules with Spring Modulith; these rules add what Modulith cannot
 * express: which libraries each module may touch, and the house naming and injection
 * rules. Modules without classes yet pass, so the rules are in force the moment code
 * lands.
 */
@AnalyzeClasses(packages = "dev.tidings", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final List<String> MODULES = List.of("errors", "schema", "query", "security", "items", "events",
			"realtime", "rest", "files", "comments", "activity", "cluster", "autoconfigure", "app");

	@ArchTest
	static final ArchRule modulesUseOnlyWhatTheTableAllows = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.ensureAllClassesAreContainedInArchitecture()
		.withOptionalLayers(true)
		.layer("errors")
		.definedBy("dev.tidings.errors..")
		.layer("schema")
		.definedBy("dev.tidings.schema..")
		.layer("query")
		.definedBy("dev.tidings.query..")
		.layer("security")
		.definedBy("dev.tidings.security..")
		.layer("items")
		.definedBy("dev.tidings.items..")
		.layer("events")
		.definedBy("dev.tidings.events..")
		.layer("realtime")
		.definedBy("dev.tidings.realtime..")
		.layer("files")
		.definedBy("dev.tidings.files..")
		.layer("comments")
		.definedBy("dev.tidings.comments..")
		.layer("activity")
		.definedBy("dev.tidings.activity..")
		.layer("rest")
		.definedBy("dev.tidings.rest..")
		.layer("cluster")
		.definedBy("dev.tidings.cluster..")
		.layer("autoconfigure")
		.definedBy("dev.tidings.autoconfigure..")
		.layer("app")
		.definedBy("dev.tidings.app..")
		.whereLayer("errors")
		.mayNotAccessAnyLayer()
		.whereLayer("schema")
		.mayOnlyAccessLayers("errors")
		.whereLayer("query")
		.mayOnlyAccessLayers("schema", "errors")
		.whereLayer("security")
		.mayOnlyAccessLayers("query", "schema", "errors")
		.whereLayer("items")
		.mayOnlyAccessLayers("security", "query", "schema", "errors")
		.whereLayer("events")
		.mayOnlyAccessLayers("schema", "errors")
		.whereLayer("realtime")
		.mayOnlyAccessLayers("items", "security", "query", "schema", "events", "errors")
		.whereLayer("files")
		.mayOnlyAccessLayers("items", "security", "query", "schema", "errors")
		.whereLayer("comments")
		.mayOnlyAccessLayers("items", "security", "query", "schema", "errors")
		.whereLayer("activity")
		.mayOnlyAccessLayers("events", "security", "schema", "errors")
		.whereLayer("rest")
		.mayOnlyAccessLayers("files", "items", "security", "query", "schema", "errors")
		.whereLayer("cluster")
		.mayOnlyAccessLayers("events", "errors")
		.whereLayer("autoconfigure")
		.mayOnlyAccessLayers("errors", "schema", "query", "security", "items", "events", "realtime", "rest", "files",
				"comments", "activity", "cluster")
		.whereLayer("app")
		.mayNotBeAccessedByAnyLayer();

	@ArchTest
	static final ArchRule restAndRealtimeNeverImportEachOther = CompositeArchRule
		.of(noClasses().that()
			.resideInAPackage("dev.tidings.rest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.tidings.realtime..")
			.allowEmptyShould(true))
		.and(noClasses().that()
			.resideInAPackage("dev.tidings.realtime..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.tidings.rest..")
			.allowEmptyShould(true));

	@ArchTest
	static final ArchRule internalPackagesArePrivateToTheirModule = CompositeArchRule.of(MODULES.stream()
		.map((module) -> noClasses().that()
			.resideOutsideOfPackage("dev.tidings." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.tidings." + module + ".internal..")
			.as("no class outside " + module + " should use dev.tidings." + module + ".internal")
			.allowEmptyShould(true))
		.toList());

	@ArchTest
	static final ArchRule queryIsPureJava = noClasses().that()
		.resideInAPackage("dev.tidings.query..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.persistence..", "org.springframework..", "tools.jackson..",
				"com.fasterxml.jackson..")
		.because("the in-memory evaluator must run without JPA, Spring or Jackson");

	@ArchTest
	static final ArchRule onlySecurityUsesJjwt = onlyModuleMayUse("security", "io.jsonwebtoken..");

	@ArchTest
	static final ArchRule onlySecurityAndWiringUseSpringSecurity = noClasses().that()
		.resideOutsideOfPackages("dev.tidings.security..", "dev.tidings.autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.security..")
		.because("Spring Security is optional: only the identity bridge and the filter chain may need it");

	@ArchTest
	static final ArchRule onlyClusterUsesRedis = onlyModuleMayUse("cluster", "org.springframework.data.redis..",
			"io.lettuce..");

	@ArchTest
	static final ArchRule onlyRealtimeUsesSpringWebSocket = onlyModuleMayUse("realtime",
			"org.springframework.web.socket..");

	@ArchTest
	static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

	@ArchTest
	static final ArchRule namesSayWhatAThingIs = noClasses().should()
		.haveSimpleNameEndingWith("Manager")
		.orShould()
		.haveSimpleNameEndingWith("Helper")
		.orShould()
		.haveSimpleNameEndingWith("Helpers")
		.orShould()
		.haveSimpleNameEndingWith("Util")
		.orShould()
		.haveSimpleNameEndingWith("Utils")
		.orShould()
		.haveSimpleNameEndingWith("Impl")
		.because("names say what a thing is");

	private static ArchRule onlyModuleMayUse(String module, String... libraryPackages) {
		return noClasses().that()
			.resideOutsideOfPackage("dev.tidings." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(libraryPackages)
			.because("the module table keeps this library inside " + module);
	}

}
