package dev.tidings.autoconfigure;

import dev.tidings.realtime.DispatchConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Pushes committed changes to WebSocket subscribers. Runs after the main
 * auto-configuration so that its conditions see the items service, and whatever else
 * declares the subscription index and the change bus must run before it too.
 */
@AutoConfiguration(after = TidingsAutoConfiguration.class)
@Import(DispatchConfiguration.class)
public final class TidingsDispatchAutoConfiguration {

}
