package dev.tidings.realtime;

import java.time.Clock;
import java.util.Map;

import dev.tidings.events.ChangeFeed;
import dev.tidings.events.ChangeLog;
import dev.tidings.items.ItemsService;
import dev.tidings.query.InputLimits;
import dev.tidings.realtime.internal.Authentication;
import dev.tidings.realtime.internal.ChangeDispatcher;
import dev.tidings.realtime.internal.RealtimeEndpoint;
import dev.tidings.realtime.internal.Resumption;
import dev.tidings.realtime.internal.SubscriptionIndex;
import dev.tidings.realtime.internal.UncompressedUpgrades;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AccessTokens;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.AuthFailures;
import dev.tidings.security.Authenticator;
import dev.tidings.security.HostIdentities;
import dev.tidings.security.SecurityCache;
import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;

/**
 * The beans of the {@code /websocket} endpoint: the subscription index, the raw WebSocket
 * handler (no STOMP) and its mapping behind the upgrade rules. Imported by the
 * auto-configuration, which decides whether the endpoint exists and supplies the
 * {@link RealtimeSettings}; kept here because only {@code realtime} may touch Spring
 * WebSocket and its internals. The application's CORS source, by Spring Security's name
 * for it, gives the origins a browser's socket may come from when no allowed origins are
 * set. Where the host measures (a {@link RealtimeMetrics} bean, an {@link AuthFailures}
 * bean), the endpoint reports to it.
 */
@Configuration(proxyBeanMethods = false)
public class RealtimeWebSocketConfiguration {

	@Bean
	SubscriptionIndex tidingsSubscriptionIndex() {
		return new SubscriptionIndex();
	}

	@Bean
	RealtimeEndpoint tidingsRealtimeEndpoint(RealtimeSettings settings, SubscriptionIndex index,
			Authenticator authenticator, AccessTokens accessTokens, Sessions sessions, Accountabilities callers,
			ItemsService items, SchemaRegistry schemas, SecurityCache cache, InputLimits limits,
			ObjectProvider<HostIdentities> host,
			@Qualifier("corsConfigurationSource") ObjectProvider<CorsConfigurationSource> cors,
			ObjectProvider<RealtimeMetrics> metrics, ObjectProvider<AuthFailures> failures,
			ObjectProvider<ChangeLog> log, ObjectProvider<ChangeFeed> feed,
			ObjectProvider<ChangeDispatcher> dispatcher) {
		Authentication authentication = new Authentication(authenticator, accessTokens, sessions,
				host.getIfAvailable(() -> HostIdentities.NONE), failures.getIfAvailable(() -> AuthFailures.NONE));
		RealtimeEndpoint endpoint = new RealtimeEndpoint(settings, index, authentication, callers, items, schemas,
				Clock.systemUTC(), limits, cors.getIfUnique(), metrics.getIfAvailable(() -> RealtimeMetrics.NONE),
				resumption(log.getIfAvailable(), feed.getIfAvailable(), dispatcher.getIfAvailable(), index));
		// A write empties the cache during its transaction and again once it completes
		// (locally, or on another instance through the cluster): only the second sees
		// the committed state worth re-checking.
		cache.onInvalidate(() -> {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				endpoint.securityChanged();
			}
		});
		return endpoint;
	}

	private static @Nullable Resumption resumption(@Nullable ChangeLog log, @Nullable ChangeFeed feed,
			@Nullable ChangeDispatcher dispatcher, SubscriptionIndex index) {
		return (log != null && feed != null && dispatcher != null) ? new Resumption(log, feed, dispatcher, index)
				: null;
	}

	@Bean
	UncompressedUpgrades tidingsWebSocketUpgrades(RealtimeEndpoint endpoint, RealtimeSettings settings) {
		return new UncompressedUpgrades(endpoint, endpoint.upgradeRules(), settings.allowCompression(),
				settings.maxMessageSize());
	}

	@Bean
	HandlerMapping tidingsWebSocketHandlerMapping(UncompressedUpgrades upgrades, RealtimeSettings settings) {
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setUrlMap(Map.of(settings.path(), upgrades));
		mapping.setWebSocketUpgradeMatch(true);
		mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return mapping;
	}

}
