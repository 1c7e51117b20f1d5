package dev.tidings.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created at start-up when no user exists yet.
 *
 * @param email the administrator's e-mail
 * @param password the administrator's password; when unset a random one is generated and
 * logged once
 * @param token a static token for the administrator, or none
 */
@ConfigurationProperties("tidings.admin")
public record TidingsAdminProperties(@DefaultValue("admin@example.com") String email, @Nullable String password,
		@Nullable String token) {

}
