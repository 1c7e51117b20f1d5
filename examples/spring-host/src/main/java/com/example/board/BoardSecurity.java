package com.example.board;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The board's own security: form login guards every route of the board. Tidings adds a
 * chain of its own for its routes; a user logged in here is a Tidings user there.
 */
@Configuration(proxyBeanMethods = false)
class BoardSecurity {

	@Bean
	SecurityFilterChain boardChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	/** The team; a real board would keep them in its database or its identity provider. */
	@Bean
	UserDetailsService team() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-password").roles("MEMBER").build(),
				User.withUsername("guest").password("{noop}guest-password").roles("GUEST").build());
	}

}
