package dev.tidings.autoconfigure;

import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.realtime.RealtimeWebSocketConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The realtime endpoint, when {@code tidings.websockets.enabled} is set in a servlet web
 * application: maps {@code tidings.websockets.*} to {@link RealtimeSettings} and imports
 * the endpoint's beans from {@code realtime} (only that module may touch Spring
 * WebSocket).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("tidings.websockets.enabled")
@EnableConfigurationProperties(TidingsWebSocketsProperties.class)
@Import(RealtimeWebSocketConfiguration.class)
class TidingsRealtimeConfiguration {

	@Bean
	RealtimeSettings tidingsRealtimeSettings(TidingsWebSocketsProperties properties) {
		return new RealtimeSettings(path(properties.path()), RealtimeSettings.AuthMode.of(properties.authMode()),
				properties.authTimeout(), properties.heartbeatEnabled(), properties.heartbeatPeriod(),
				properties.maxMessageSize().toBytes(), properties.maxConnections(), properties.allowedOrigins(),
				properties.sendTimeLimit(), (int) Math.min(Integer.MAX_VALUE, properties.sendBufferLimit().toBytes()),
				properties.rateLimit(), properties.allowCompression(), properties.maxSubscriptionsPerSocket(),
				properties.maxSocketsPerUser(), properties.maxQuerySize().toBytes(), properties.dispatchQueueCapacity(),
				properties.dispatchMaxLag(), properties.maxWorkPerSecond());
	}

	/**
	 * The endpoint's own path, not under {@code tidings.rest.base-path}: the SDK connects
	 * to {@code /websocket} at the server's root whatever its REST URL.
	 */
	private static String path(String path) {
		return path.startsWith("/") ? path : "/" + path;
	}

}
