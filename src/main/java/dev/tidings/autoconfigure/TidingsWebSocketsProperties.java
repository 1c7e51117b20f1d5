package dev.tidings.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the realtime endpoint (Directus's {@code WEBSOCKETS_*}).
 *
 * @param enabled whether to serve the WebSocket endpoint
 * @param path path of the endpoint from the server's root, whatever
 * {@code tidings.rest.base-path} says: the SDK connects to {@code /websocket} at the root
 * @param authMode {@code public}, {@code handshake} or {@code strict}, as Directus's
 * {@code WEBSOCKETS_REST_AUTH}
 * @param authTimeout how long a client has for its first {@code auth} message in
 * handshake mode, and to re-authenticate after its token expired; a bare number is
 * seconds, as Directus's {@code WEBSOCKETS_REST_AUTH_TIMEOUT}
 * @param heartbeatEnabled whether the server pings clients and closes silent ones
 * @param heartbeatPeriod the ping interval and how long a client may stay silent after a
 * ping; a bare number is seconds
 * @param maxMessageSize the largest message a client may send; a larger one closes the
 * socket with 1009
 * @param maxConnections the most sockets open at once on this instance (handshakes
 * included), 0 for no limit; further upgrades get 403
 * @param allowedOrigins browser origins allowed to connect besides the server's own host;
 * empty allows any origin, as Directus does without CORS
 * @param sendTimeLimit how long a send to one client may take before it is disconnected
 * @param sendBufferLimit how much may be queued for one slow client before it is
 * disconnected
 * @param rateLimit how many messages per second one socket may send (and burst); 0 for no
 * limit
 * @param allowCompression whether to accept the {@code permessage-deflate} extension
 * browsers offer; off because it costs far more CPU and memory than it saves on small
 * frames
 * @param maxSubscriptionsPerSocket the most subscriptions one socket may hold, 0 for no
 * limit; a further {@code subscribe} is answered {@code LIMIT_EXCEEDED} and the socket
 * stays open
 * @param maxSocketsPerUser the most sockets one user may hold open on this instance
 * (anonymous sockets count per client address), 0 for no limit; a further upgrade gets
 * 429, a further {@code auth} {@code LIMIT_EXCEEDED}
 * @param maxQuerySize the largest {@code query} of one {@code subscribe} or {@code items}
 * message, as JSON; a larger one is answered {@code LIMIT_EXCEEDED} and the socket stays
 * open
 * @param dispatchQueueCapacity how many committed changes each dispatch thread may hold
 * before it drops new ones; once half of them wait, the sockets whose subscriptions cause
 * most of the work are closed with 4500
 * @param dispatchMaxLag how long a committed change may wait for its dispatch thread;
 * beyond it, as beyond half the queue, the sockets whose subscriptions cause most of that
 * thread's work are closed with 4500
 * @param maxWorkPerSecond how much server time the messages of one user (or one anonymous
 * address) may take each second, across all its sockets, in bursts of up to five seconds'
 * worth; beyond it they are answered {@code REQUESTS_EXCEEDED} until the debt is repaid;
 * 0 for no limit
 */
@ConfigurationProperties("tidings.websockets")
public record TidingsWebSocketsProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("/websocket") String path, @DefaultValue("handshake") String authMode,
		@DefaultValue("10s") @DurationUnit(ChronoUnit.SECONDS) Duration authTimeout,
		@DefaultValue("true") boolean heartbeatEnabled,
		@DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration heartbeatPeriod,
		@DefaultValue("1MB") DataSize maxMessageSize, @DefaultValue("0") int maxConnections,
		@DefaultValue List<String> allowedOrigins, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("512KB") DataSize sendBufferLimit, @DefaultValue("50") int rateLimit,
		@DefaultValue("false") boolean allowCompression, @DefaultValue("100") int maxSubscriptionsPerSocket,
		@DefaultValue("20") int maxSocketsPerUser, @DefaultValue("16KB") DataSize maxQuerySize,
		@DefaultValue("10000") int dispatchQueueCapacity, @DefaultValue("200ms") Duration dispatchMaxLag,
		@DefaultValue("500ms") Duration maxWorkPerSecond) {

}
