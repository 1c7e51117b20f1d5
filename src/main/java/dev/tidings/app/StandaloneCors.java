package dev.tidings.app;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for the standalone app, from Directus's {@code CORS_*} settings (mapped to
 * {@code tidings.standalone.cors.*} in its properties): off unless {@code CORS_ENABLED};
 * {@code CORS_ORIGIN} is {@code true} (any origin, echoed back), {@code false} (none) or
 * a comma-separated list, where {@code *} may stand for a part of a host
 * ({@code https://*.example.com}). The same origins may open WebSockets, unless
 * {@code WEBSOCKETS_ALLOWED_ORIGINS} lists others. A host embedding Tidings configures
 * CORS its own way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("tidings.standalone.cors.enabled")
class StandaloneCors {

	static final String PREFIX = "tidings.standalone.cors.";

	/**
	 * Named as Spring Security names the application's CORS source: the WebSocket upgrade
	 * rules take their default origins from it.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(Environment environment) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = origins(environment.getProperty(PREFIX + "origin", "false"));
		if (origins.isEmpty()) {
			return source;
		}
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(origins);
		cors.setAllowedMethods(list(environment.getProperty(PREFIX + "methods", "")));
		cors.setAllowedHeaders(list(environment.getProperty(PREFIX + "allowed-headers", "")));
		cors.setExposedHeaders(list(environment.getProperty(PREFIX + "exposed-headers", "")));
		cors.setAllowCredentials(environment.getProperty(PREFIX + "credentials", Boolean.class, true));
		// seconds, as Directus's CORS_MAX_AGE
		cors.setMaxAge(environment.getProperty(PREFIX + "max-age", Long.class, 18000L));
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/** Before everything else, so that refused origins never reach a route. */
	@Bean
	FilterRegistrationBean<CorsFilter> tidingsStandaloneCorsFilter(CorsConfigurationSource corsConfigurationSource) {
		FilterRegistrationBean<CorsFilter> filter = new FilterRegistrationBean<>(
				new CorsFilter(corsConfigurationSource));
		filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return filter;
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
		return list(trimmed);
	}

	private static List<String> list(String setting) {
		return Arrays.stream(setting.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

}
