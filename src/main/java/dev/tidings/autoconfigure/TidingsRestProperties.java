package dev.tidings.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API.
 *
 * @param basePath path prefix of every Tidings endpoint ({@code /items},
 * {@code /server}…), empty for the root
 * @param maxPayloadSize largest request body accepted; larger bodies get
 * {@code INVALID_PAYLOAD}
 */
@ConfigurationProperties("tidings.rest")
public record TidingsRestProperties(@DefaultValue("") String basePath, @DefaultValue("1MB") DataSize maxPayloadSize) {

}
