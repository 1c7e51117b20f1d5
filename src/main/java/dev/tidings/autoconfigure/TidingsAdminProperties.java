package dev.tidings.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up when no user exists yet, and only when
 * configured: a host without one manages users its own way (or through the identity
 * bridge).
 *
 * @param email the administrator's e-mail; unset, no administrator is created
 * @param password the administrator's password; when unset a random one is generated and
 * logged once
 * @param token a static token for the administrator, or none
 */
@ConfigurationProperties("tidings.admin")
public record TidingsAdminProperties(@Nullable String email, @Nullable String password, @Nullable String token) {

}
