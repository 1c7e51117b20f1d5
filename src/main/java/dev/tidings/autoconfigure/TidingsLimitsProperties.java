package dev.tidings.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what clients send, the same for JSON bodies, query strings and WebSocket
 * frames. How long a document may be is set per door:
 * {@code tidings.rest.max-payload-size} for bodies,
 * {@code tidings.websockets.max-message-size} for frames, the container's header size for
 * URLs. A value beyond a limit is refused with {@code INVALID_PAYLOAD} (bodies, frames)
 * or {@code INVALID_QUERY} (query strings) before it is interpreted.
 *
 * @param maxDepth how deeply JSON objects and arrays may nest, and how many brackets a
 * query-string key ({@code filter[a][b]}) may have; Directus's deepest legitimate filters
 * stay far below
 * @param maxStringLength the longest string or property name, in characters
 * @param maxNumberLength the longest number, in characters: a double needs at most 24, a
 * 64-bit integer 20
 * @param maxNumberExponent the largest exponent and scale, positive or negative, a number
 * may carry ({@code 1e400}, {@code 1e-400}): the double range (1.8e308 down to 4.9e-324)
 * with headroom, while exact arithmetic on it stays cheap; at most 1000
 */
@ConfigurationProperties("tidings.limits")
public record TidingsLimitsProperties(@DefaultValue("32") int maxDepth, @DefaultValue("1000000") int maxStringLength,
		@DefaultValue("100") int maxNumberLength, @DefaultValue("400") int maxNumberExponent) {

}
