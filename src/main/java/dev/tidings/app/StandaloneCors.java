package dev.tidings.app;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for the standalone app, from Directus's {@code CORS_*} settings (mapped to
 * {@code tidings.standalone.cors.*} in its properties): off unless {@code CORS_ENABLED};
 * {@code CORS_ORIGIN} is {@code true} (any origin, echoed back), {@code false} (none) or
 * a comma-separated list, where {@code *} may stand for a part of a host
 * ({@code https://*.example.com}). A host embedding Tidings configures CORS its own way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("tidings.standalone.cors.enabled")
class StandaloneCors {

	static final String PREFIX = "tidings.standalone.cors.";

	@Bean
	WebMvcConfigurer tidingsStandaloneCors(Environment environment) {
		List<String> origins = origins(environment.getProperty(PREFIX + "origin", "false"));
		return new WebMvcConfigurer() {
			@Override
			public void addCorsMappings(CorsRegistry registry) {
				if (origins.isEmpty()) {
					return;
				}
				CorsRegistration cors = registry.addMapping("/**")
					.allowedOriginPatterns(origins.toArray(String[]::new))
					.allowedMethods(list(environment.getProperty(PREFIX + "methods", "")))
					.allowedHeaders(list(environment.getProperty(PREFIX + "allowed-headers", "")))
					.exposedHeaders(list(environment.getProperty(PREFIX + "exposed-headers", "")))
					.allowCredentials(environment.getProperty(PREFIX + "credentials", Boolean.class, true));
				// seconds, as Directus's CORS_MAX_AGE
				cors.maxAge(environment.getProperty(PREFIX + "max-age", Long.class, 18000L));
			}
		};
	}

	/** The origins {@code CORS_ORIGIN} allows: every one, none, or those it lists. */
	static List<String> origins(String setting) {
		String trimmed = setting.trim();
		if (trimmed.equalsIgnoreCase("true")) {
			return List.of("*");
		}
		if (trimmed.equalsIgnoreCase("false") || trimmed.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(list(trimmed)).toList();
	}

	private static String[] list(String setting) {
		return Arrays.stream(setting.split(","))
			.map(String::trim)
			.filter((item) -> !item.isEmpty())
			.toArray(String[]::new);
	}

}
