package dev.tidings.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The activity log ({@code directus_activity}) and revisions
 * ({@code directus_revisions}).
 *
 * @param enabled whether every create, update, delete and login is recorded as activity;
 * off, nothing is written (revisions neither) and writes cost nothing more
 * @param revisions whether each create and update also keeps the item's row and the
 * fields it changed as a revision, which {@code /utils/revert} can restore
 */
@ConfigurationProperties("tidings.activity")
public record TidingsActivityProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("true") boolean revisions) {

}
