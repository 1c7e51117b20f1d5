package dev.tidings.realtime.internal;

import java.time.Duration;

import org.springframework.web.socket.server.RequestUpgradeStrategy;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;

/**
 * Jetty 12's upgrades with Tidings' limits rather than Jetty's. Spring's Jetty adapter
 * takes whole messages only, so Jetty assembles them, and its own limits (64 KiB a
 * message and a frame) would close a socket below
 * {@code tidings.websockets.max-message-size}. Jetty would also close a socket idle for
 * 30 seconds; Tomcat does not, and the heartbeat already finds dead peers.
 */
final class JettyUpgrades {

	private JettyUpgrades() {
	}

	static RequestUpgradeStrategy limitedTo(long maxMessageSize) {
		JettyRequestUpgradeStrategy strategy = new JettyRequestUpgradeStrategy();
		strategy.addWebSocketConfigurer((socket) -> {
			socket.setMaxTextMessageSize(maxMessageSize);
			socket.setMaxBinaryMessageSize(maxMessageSize);
			socket.setMaxFrameSize(maxMessageSize);
			socket.setIdleTimeout(Duration.ZERO);
		});
		return strategy;
	}

}
