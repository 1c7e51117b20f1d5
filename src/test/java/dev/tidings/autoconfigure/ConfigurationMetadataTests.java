package dev.tidings.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build writes lists every property the {@code tidings.*}
 * records bind, each with a description, so that IDE completion in a host's
 * {@code application.properties} is complete.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataWhenBuiltThenEveryBoundPropertyIsListedAndDescribed() throws IOException, ClassNotFoundException {
		Map<String, Map<String, Object>> listed = listed();
		Set<String> bound = new TreeSet<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.tidings")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			collect(type.getAnnotation(ConfigurationProperties.class).value(), type, bound);
		}

		assertThat(bound).hasSizeGreaterThan(50).allMatch(listed::containsKey, "listed in the metadata");
		assertThat(bound)
			.allSatisfy((name) -> assertThat((String) listed.get(name).get("description")).as(name).isNotBlank());
		assertThat(listed.get("tidings.rest.enabled")).containsEntry("defaultValue", true);
		assertThat(listed.get("tidings.websockets.path")).containsEntry("defaultValue", "/websocket");
		assertThat(listed.get("tidings.activity.enabled")).containsEntry("defaultValue", true);
		assertThat(listed.get("tidings.activity.revisions")).containsEntry("defaultValue", true);
		// the standalone app's own, written by hand
		assertThat(listed.get("tidings.standalone.metrics-tokens")).containsEntry("defaultValue", "")
			.containsKey("description");
	}

	/**
	 * The properties a record binds, a nested record's under its own name (its
	 * {@code @Name}, where a Java keyword cannot be the component's).
	 */
	private static void collect(String prefix, Class<?> type, Set<String> bound) {
		RecordComponent[] components = type.getRecordComponents();
		java.lang.reflect.Parameter[] parameters = canonical(type, components).getParameters();
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			Name renamed = parameters[i].getAnnotation(Name.class);
			String name = prefix + "." + ((renamed != null) ? renamed.value() : kebab(component.getName()));
			if (component.getType().isRecord()) {
				collect(name, component.getType(), bound);
			}
			else {
				bound.add(name);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> listed() throws IOException {
		Map<String, Map<String, Object>> listed = new HashMap<>();
		for (String file : List.of("META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = ConfigurationMetadataTests.class.getClassLoader().getResourceAsStream(file)) {
				assertThat(in).as(file + " is built").isNotNull();
				Map<String, Object> metadata = JsonMapper.builder().build().readValue(in, Map.class);
				((List<Map<String, Object>>) metadata.get("properties"))
					.forEach((property) -> listed.put((String) property.get("name"), property));
			}
		}
		return listed;
	}

	private static java.lang.reflect.Constructor<?> canonical(Class<?> type, RecordComponent[] components) {
		try {
			return type.getDeclaredConstructor(
					java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String kebab(String name) {
		StringBuilder kebab = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

}
