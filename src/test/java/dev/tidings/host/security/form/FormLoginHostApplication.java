package dev.tidings.host.security.form;

import dev.tidings.host.security.HostRoutes;
import dev.tidings.host.security.Pet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** A host with form login guarding every route of its own. */
@SpringBootApplication
@EntityScan(basePackageClasses = Pet.class)
@Import(HostRoutes.class)
public class FormLoginHostApplication {

	@Bean
	SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

}
