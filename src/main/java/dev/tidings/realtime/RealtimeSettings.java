package dev.tidings.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the {@code /websocket} endpoint behaves; built by the auto-configuration from
 * {@code tidings.websockets.*}.
 *
 * @param path the full path of the endpoint, base path included
 * @param authMode when and how clients must authenticate
 * @param authTimeout how long a handshake-mode client has to send its {@code auth}, and
 * how long an expired client has to re-authenticate
 * @param heartbeatEnabled whether the server pings and closes silent clients
 * @param heartbeatPeriod the ping interval, and how long a client may stay silent after a
 * ping
 * @param maxMessageSize the largest incoming message in bytes; larger ones close the
 * socket with 1009
 * @param maxConnections the most open sockets, handshakes included; 0 for no limit
 * @param allowedOrigins origins accepted besides the request's own host; empty accepts
 * any origin
 * @param sendTimeLimit how long one send may take before the client is cut off
 * @param sendBufferLimit how many bytes may wait for a slow client before it is cut off
 * @param rateLimit how many messages per second one socket may send (bursts of as many);
 * 0 for no limit
 * @param allowCompression whether to accept {@code permessage-deflate}
 * @param maxSubscriptionsPerSocket the most subscriptions one socket may hold; 0 for no
 * limit
 * @param maxSocketsPerUser the most sockets one user may hold open (anonymous sockets
 * count per client address); 0 for no limit
 * @param maxQuerySize the most bytes of the {@code query} of one {@code subscribe} or
 * {@code items} message; 0 for no limit
 * @param dispatchQueueCapacity the notifications each dispatch thread holds; at half of
 * them it sheds the sockets whose subscriptions cause most of the work
 * @param dispatchMaxLag how long a notification may wait for its dispatch thread before
 * that thread sheds the sockets whose subscriptions cause most of its work
 * @param maxWorkPerSecond the server time one user's (or anonymous address's) messages
 * may take each second, across its sockets; zero for no limit
 */
public record RealtimeSettings(String path, AuthMode authMode, Duration authTimeout, boolean heartbeatEnabled,
		Duration heartbeatPeriod, long maxMessageSize, int maxConnections, List<String> allowedOrigins,
		Duration sendTimeLimit, int sendBufferLimit, int rateLimit, boolean allowCompression,
		int maxSubscriptionsPerSocket, int maxSocketsPerUser, long maxQuerySize, int dispatchQueueCapacity,
		Duration dispatchMaxLag, Duration maxWorkPerSecond) {

	public RealtimeSettings {
		allowedOrigins = List.copyOf(allowedOrigins);
	}

	/** Directus's {@code WEBSOCKETS_REST_AUTH}. */
	public enum AuthMode {

		/** Anyone may connect; an {@code auth} message upgrades the socket to a user. */
		PUBLIC,
		/**
		 * A token at upgrade, or an {@code auth} message as the first frame within the
		 * timeout.
		 */
		HANDSHAKE,
		/** A token at upgrade, in {@code access_token} or the session cookie. */
		STRICT;

		public static AuthMode of(String value) {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}

	}

}
