package dev.tidings.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.realtime.RealtimeSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * When the host uses Spring Security, a filter chain of Tidings' own for Tidings' routes
 * only ({@code securityMatcher}), ordered before the host's chains: Tidings authenticates
 * its callers itself (tokens, as Directus), so the chain lets every request through to
 * it, creates no session and applies no CSRF token check, while the host's chains keep
 * guarding the host's routes. It reads the host's session, so that a user logged in to
 * the host is that user in Tidings (the identity bridge); requests riding on cookies are
 * held to their origin by Tidings itself. CORS follows the host's
 * {@code CorsConfigurationSource}, if it has one.
 * <p>
 * Registered after Boot's default web security, so that a host without a chain of its own
 * keeps Boot's default for its other routes: that default backs off once any chain
 * exists. A host replaces this chain by declaring a bean of the same name.
 */
@AutoConfiguration(after = TidingsAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
@ConditionalOnBean({ TidingsRestProperties.class, HttpSecurity.class })
public final class TidingsWebSecurityAutoConfiguration {

	/** Tidings' routes under the REST base path. */
	private static final List<String> ROUTES = List.of("/items/**", "/auth/**", "/users/**", "/roles/**",
			"/policies/**", "/access/**", "/permissions/**", "/server/**", "/collections/**", "/fields/**",
			"/relations/**");

	private static SecurityContextRepository hostSessions() {
		HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
		sessions.setAllowSessionCreation(false);
		return sessions;
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 100)
	@ConditionalOnMissingBean(name = "tidingsSecurityFilterChain")
	SecurityFilterChain tidingsSecurityFilterChain(HttpSecurity http, TidingsRestProperties rest,
			ObjectProvider<RealtimeSettings> realtime) throws Exception {
		String base = rest.basePath().endsWith("/") ? rest.basePath().substring(0, rest.basePath().length() - 1)
				: rest.basePath();
		List<String> patterns = new ArrayList<>();
		ROUTES.forEach((route) -> patterns.add(base + route));
		realtime.ifAvailable((settings) -> patterns.add(settings.path()));
		return http.securityMatcher(patterns.toArray(String[]::new))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// the host's logged-in user, for the identity bridge; never a session of ours
			.securityContext((context) -> context.securityContextRepository(hostSessions()))
			// bearer tokens are not sent by a browser on its own; the refresh cookie is
			// SameSite, as Directus's
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.cors(Customizer.withDefaults())
			.build();
	}

}
