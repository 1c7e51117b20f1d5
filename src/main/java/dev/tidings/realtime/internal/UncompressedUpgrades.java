package dev.tidings.realtime.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Serves the upgrade, refusing {@code permessage-deflate} unless allowed: browsers always
 * offer it, and it costs more CPU and memory per small frame than it saves. The servlet
 * container negotiates extensions from the request header itself, so the header is hidden
 * from it. On Jetty the upgrade also carries Tidings' message limit
 * ({@link JettyUpgrades}).
 */
public final class UncompressedUpgrades extends WebSocketHttpRequestHandler {

	private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	private final boolean allowCompression;

	/**
	 * Which container Spring upgrades with: Tomcat when both are there, as Spring picks.
	 */
	private static final boolean JETTY_ONLY = !ClassUtils.isPresent(
			"org.apache.tomcat.websocket.server.WsHttpUpgradeHandler", UncompressedUpgrades.class.getClassLoader())
			&& ClassUtils.isPresent("org.eclipse.jetty.ee11.websocket.server.JettyWebSocketServerContainer",
					UncompressedUpgrades.class.getClassLoader());

	public UncompressedUpgrades(WebSocketHandler handler, HandshakeInterceptor rules, boolean allowCompression,
			long maxMessageSize) {
		super(handler, JETTY_ONLY ? new DefaultHandshakeHandler(JettyUpgrades.limitedTo(maxMessageSize))
				: new DefaultHandshakeHandler());
		setHandshakeInterceptors(List.of(rules));
		this.allowCompression = allowCompression;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		super.handleRequest(this.allowCompression ? request : new WithoutExtensions(request), response);
	}

	private static final class WithoutExtensions extends HttpServletRequestWrapper {

		WithoutExtensions(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !EXTENSIONS.equalsIgnoreCase(name))
				.toList());
		}

	}

}
