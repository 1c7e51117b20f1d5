package dev.tidings.realtime.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.realtime.RealtimeSettings.AuthMode;
import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The upgrade rules of spec §2 in Directus's order: the connection limit (403), the
 * origin check (403), then credentials; then ours, the sockets of one user (or, without a
 * token, of one client address) against {@code max-sockets-per-user} (429). A token comes
 * only from the {@code access_token} query parameter or the
 * {@code directus_session_token} cookie; when one is present, or the mode is strict, it
 * must name a user (401 otherwise, in every mode). Without one, a public-mode socket is
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

	/**
	 * The owner whose count the upgrade on this thread took, along with a slot:
	 * {@code afterHandshake} runs on the thread of {@code beforeHandshake} and gets no
	 * attributes, yet must give both back when the upgrade fails.
	 */
	private final ThreadLocal<String> upgrading = new ThreadLocal<>();

	UpgradeRules(RealtimeSettings settings, Authentication authentication, ConnectionSlots slots, SocketOwners owners) {
		this.settings = settings;
		this.authentication = authentication;
		this.slots = slots;
		this.owners = owners;
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
		String origin = request.getHeaders().getOrigin();
		if (origin != null && !originAllowed(origin, request)) {
			return refuse(response, HttpStatus.FORBIDDEN);
		}
		String token = token(request);
		attributes.put(CLIENT, client(request, origin));
		if (token != null || this.settings.authMode() == AuthMode.STRICT) {
			try {
				// no token at all (strict mode) is refused here too, to be counted
				attributes.put(IDENTITY, this.authentication.token(token));
			}
			catch (TidingsException ex) {
				return refuse(response, HttpStatus.UNAUTHORIZED);
			}
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
	 * No {@code Origin} (not a browser), an empty allow-list, the request's own host, or
	 * a listed origin.
	 */
	boolean originAllowed(String origin, ServerHttpRequest request) {
		List<String> allowed = this.settings.allowedOrigins();
		if (allowed.isEmpty()) {
			return true;
		}
		String normalised = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
		if (allowed.contains(normalised)) {
			return true;
		}
		try {
			URI uri = URI.create(normalised);
			String host = request.getHeaders().getFirst(HttpHeaders.HOST);
			String authority = uri.getRawAuthority();
			return host != null && authority != null && authority.equalsIgnoreCase(host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static @Nullable String token(ServerHttpRequest request) {
		String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
		if (query != null && !query.isEmpty()) {
			return URLDecoder.decode(query, StandardCharsets.UTF_8);
		}
		for (String header : request.getHeaders().getOrEmpty(HttpHeaders.COOKIE)) {
			for (String pair : header.split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).trim().equals(SESSION_COOKIE)) {
					String value = pair.substring(equals + 1).trim();
					return value.isEmpty() ? null : value;
				}
			}
		}
		return null;
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
