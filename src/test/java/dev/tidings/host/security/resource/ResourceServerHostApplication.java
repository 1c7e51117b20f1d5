package dev.tidings.host.security.resource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

import dev.tidings.host.security.HostRoutes;
import dev.tidings.host.security.Pet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A host that is an OAuth2 resource server: its identity provider signs access tokens
 * with a key the host trusts (here the test's own key pair) and every route of its own
 * needs one.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Pet.class)
@Import(HostRoutes.class)
public class ResourceServerHostApplication {

	/** The identity provider's keys; the host knows only the public one. */
	@Bean
	KeyPair identityProviderKeys() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	@Bean
	JwtDecoder hostJwtDecoder(KeyPair identityProviderKeys) {
		return NimbusJwtDecoder.withPublicKey((RSAPublicKey) identityProviderKeys.getPublic()).build();
	}

	@Bean
	SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.build();
	}

}
