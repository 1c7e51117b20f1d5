package dev.tidings.realtime.internal;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.realtime.RealtimeSettings.AuthMode;
import dev.tidings.security.Origins;
import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The upgrade rules (docs/protocol.md, "Connecting") in Directus's order: the connection
 * limit (403), the origin check (403), then credentials; then ours, the sockets of one
 * user (or, without a token, of one client address) against {@code max-sockets-per-user}
 * (429). A token comes only from the {@code access_token} query parameter or the
 * {@code directus_session_token} cookie; when one is present, or the mode is strict, it
 * must name a user (401 otherwise, in every mode). Without one, a user the host
 * application authenticated (its session) is that user; else a public-mode socket is
 * served as the public and a handshake-mode socket waits for its {@code auth}. Unlike
 * Directus, handshakes count towards the connection limit.
 */
public final class UpgradeRules implements HandshakeInterceptor {

	static final String IDENTITY = UpgradeRules.class.getName() + ".identity";

	static final String CLIENT = UpgradeRules.class.getName() + ".client";

	/** Present on a socket that holds one of the {@link ConnectionSlots}. */
	static final String SLOT = UpgradeRules.class.getName() + ".slot";

	/**
	 * The owner a socket counts against until it is established (then its id holds it).
	 */
	static final String OWNER = UpgradeRules.class.getName() + ".owner";

	static final String SESSION_COOKIE = "directus_session_token";

	private final RealtimeSettings settings;

	private final Authentication authentication;

	private final ConnectionSlots slots;

	private final SocketOwners owners;

	private final @Nullable CorsConfigurationSource cors;

	/**
	 * The owner whose count the upgrade on this thread took, along with a slot:
	 * {@code afterHandshake} runs on the thread of {@code beforeHandshake} and gets no
	 * attributes, yet must give both back when the upgrade fails.
	 */
	private final ThreadLocal<String> upgrading = new ThreadLocal<>();

	UpgradeRules(RealtimeSettings settings, Authentication authentication, ConnectionSlots slots, SocketOwners owners,
			@Nullable CorsConfigurationSource cors) {
		this.settings = settings;
		this.authentication = authentication;
		this.slots = slots;
		this.owners = owners;
		this.cors = cors;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (!this.slots.tryTake()) {
			return refuse(response, HttpStatus.FORBIDDEN);
		}
		if (!checkOriginAndCredentials(request, response, attributes)) {
			this.slots.release();
			return false;
		}
		String owner = SocketOwners.of((Identity) attributes.get(IDENTITY), (Sessions.Client) attributes.get(CLIENT));
		if (!this.owners.tryTake(owner)) {
			this.slots.release();
			return refuse(response, HttpStatus.TOO_MANY_REQUESTS);
		}
		attributes.put(SLOT, Boolean.TRUE);
		attributes.put(OWNER, owner);
		this.upgrading.set(owner);
		return true;
	}

	private boolean checkOriginAndCredentials(ServerHttpRequest request, ServerHttpResponse response,
			Map<String, Object> attributes) {
		Credential credential = credential(request);
		Identity identity;
		try {
			identity = (credential != null) ? null : this.authentication.hostUser();
		}
		catch (TidingsException ex) {
			return refuse(response, HttpStatus.UNAUTHORIZED);
		}
		String origin = request.getHeaders().getOrigin();
		boolean ambient = (credential != null) ? credential.cookie() : identity != null;
		if (origin != null && !originAllowed(origin, request, ambient)) {
			return refuse(response, HttpStatus.FORBIDDEN);
		}
		attributes.put(CLIENT, client(request, origin));
		if (credential != null || (identity == null && this.settings.authMode() == AuthMode.STRICT)) {
			try {
				// no credential at all in strict mode is refused here too, to be counted
				identity = this.authentication.token((credential != null) ? credential.token() : null);
			}
			catch (TidingsException ex) {
				return refuse(response, HttpStatus.UNAUTHORIZED);
			}
		}
		if (identity != null) {
			attributes.put(IDENTITY, identity);
		}
		else if (this.settings.authMode() == AuthMode.PUBLIC) {
			attributes.put(IDENTITY, Identity.PUBLIC);
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
		String owner = this.upgrading.get();
		if (owner == null) {
			return;
		}
		this.upgrading.remove();
		// a request that passed the rules but was no valid upgrade never becomes a socket
		boolean upgraded = exception == null && response instanceof ServletServerHttpResponse servlet
				&& servlet.getServletResponse().getStatus() == HttpStatus.SWITCHING_PROTOCOLS.value();
		if (!upgraded) {
			this.slots.release();
			this.owners.release(owner);
		}
	}

	/** The socket is established: its id holds its owner's count from now on. */
	void established(String socket, Map<String, Object> socketAttributes) {
		Object owner = socketAttributes.remove(OWNER);
		if (owner != null) {
			this.owners.hold(socket, (String) owner);
		}
	}

	/** Gives back the slot and the owner's count of a socket that closed. */
	void closed(String socket, Map<String, Object> socketAttributes) {
		if (socketAttributes.remove(SLOT) != null) {
			this.slots.release();
		}
		Object owner = socketAttributes.remove(OWNER);
		if (owner != null) {
			this.owners.release((String) owner);
		}
		this.owners.closed(socket);
	}

	/**
	 * The request's own host, a listed origin, or, without a list, an origin the CORS
	 * configuration allows. Without either, any origin, unless the browser's own
	 * credentials (a session cookie, a login to the host) would authenticate the socket:
	 * a page of another site must not open a socket as the visitor.
	 */
	boolean originAllowed(String origin, ServerHttpRequest request, boolean ambient) {
		String normalised = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
		if (Origins.isSameHost(normalised, request.getHeaders().getFirst(HttpHeaders.HOST))) {
			return true;
		}
		List<String> allowed = this.settings.allowedOrigins();
		if (!allowed.isEmpty()) {
			return allowed.contains(normalised);
		}
		CorsConfiguration cors = (this.cors != null && request instanceof ServletServerHttpRequest servlet)
				? this.cors.getCorsConfiguration(servlet.getServletRequest()) : null;
		if (cors != null) {
			return cors.checkOrigin(normalised) != null;
		}
		return !ambient;
	}

	/**
	 * The token of the {@code access_token} query parameter or, else, of the session
	 * cookie; null when there is neither.
	 */
	private static @Nullable Credential credential(ServerHttpRequest request) {
		String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
		if (query != null && !query.isEmpty()) {
			return new Credential(URLDecoder.decode(query, StandardCharsets.UTF_8), false);
		}
		for (String header : request.getHeaders().getOrEmpty(HttpHeaders.COOKIE)) {
			for (String pair : header.split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).trim().equals(SESSION_COOKIE)) {
					String value = pair.substring(equals + 1).trim();
					return value.isEmpty() ? null : new Credential(value, true);
				}
			}
		}
		return null;
	}

	/**
	 * A token a socket presents at upgrade.
	 *
	 * @param token the token
	 * @param cookie whether the browser sent it on its own, in a cookie
	 */
	private record Credential(String token, boolean cookie) {
	}

	private static Sessions.Client client(ServerHttpRequest request, @Nullable String origin) {
		InetSocketAddress remote = request.getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		return new Sessions.Client(address, request.getHeaders().getFirst(HttpHeaders.USER_AGENT), origin);
	}

	private static boolean refuse(ServerHttpResponse response, HttpStatus status) {
		response.setStatusCode(status);
		return false;
	}

}
