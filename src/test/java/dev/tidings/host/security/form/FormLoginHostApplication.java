package dev.tidings.host.security.form;

import dev.tidings.host.security.HostRoutes;
import dev.tidings.host.security.Pet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** A host with form login guarding every route of its own, and one user, Carol. */
@SpringBootApplication
@EntityScan(basePackageClasses = Pet.class)
@Import(HostRoutes.class)
public class FormLoginHostApplication {

	@Bean
	UserDetailsService hostUsers() {
		return new InMemoryUserDetailsManager(
				User.withUsername("carol").password("{noop}carol-pw").roles("KEEPER").build());
	}

	@Bean
	SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

}
