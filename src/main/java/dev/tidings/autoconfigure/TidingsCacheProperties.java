package dev.tidings.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tidings' caches of what callers resolve to (accounts, roles, policies, permissions).
 * They never serve stale answers, as every change to those empties them on every
 * instance, so turning them off only trades speed for database reads.
 *
 * @param enabled whether to cache; off, every request and push decision reads the
 * security model from the database
 */
@ConfigurationProperties("tidings.cache")
public record TidingsCacheProperties(@DefaultValue("true") boolean enabled) {

}
