package dev.tidings.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API.
 *
 * @param enabled whether to serve the REST routes ({@code /items}, {@code /auth},
 * {@code /users}…); without them a host can still serve realtime and use the services
 * @param basePath path prefix of every Tidings endpoint ({@code /items},
 * {@code /server}…), empty for the root
 * @param maxPayloadSize largest request body accepted; larger bodies get
 * {@code INVALID_PAYLOAD}
 * @param queryLimitMax the largest {@code limit} a query may ask for, REST and WebSocket
 * alike, as Directus's {@code QUERY_LIMIT_MAX}: {@code limit=-1} reads this many rows, a
 * larger limit gets {@code INVALID_QUERY}; -1 for no ceiling. Directus has none by
 * default; one caller asking for a whole table in one answer is the cost we bound
 * @param projectName the project name {@code /server/info} gives, as Directus's
 * {@code project_name} setting
 */
@ConfigurationProperties("tidings.rest")
public record TidingsRestProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String basePath,
		@DefaultValue("1MB") DataSize maxPayloadSize, @DefaultValue("1000") int queryLimitMax,
		@DefaultValue("Tidings") String projectName) {

}
