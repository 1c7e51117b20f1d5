package dev.tidings.realtime.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.tidings.app.TidingsApplication;
import dev.tidings.events.ChangeType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way into the container that {@link FrameSink#of} picks for a real socket, on
 * whichever container the build runs (Tomcat in the default test run, Jetty in the
 * {@code on-jetty} one): a push goes out as its pre-encoded bytes, not its text, other
 * frames follow in order after one flush, and every character arrives intact. If a
 * container upgrade closes the direct path, the push arrives as its text and this fails.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:frame-sink;DB_CLOSE_DELAY=-1")
@Import(FrameSinkTests.Probe.class)
class FrameSinkTests {

	private static final boolean JETTY = ClassUtils.isPresent("org.eclipse.jetty.server.Server", null);

	private final int port;

	private final Probe probe;

	FrameSinkTests(@LocalServerPort int port, @Autowired Probe probe) {
		this.port = port;
		this.probe = probe;
	}

	@Test
	void pushWhenWrittenThroughTheContainersSinkThenItsBytesArriveIntact() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		WebSocket client = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/frame-sink-probe"), new Texts(received))
			.join();
		try {
			WebSocketSession socket = this.probe.sockets.poll(10, TimeUnit.SECONDS);
			assertThat(socket).isNotNull();
			FrameSink sink = FrameSink.of(socket, Duration.ofSeconds(10));
			assertThat(sink).isInstanceOf(JETTY ? JettyFrames.class : JakartaFrames.class);

			String encoded = "{\"sent\":\"as bytes\",\"text\":\"" + "Grüße, 世界 and 🎉 ".repeat(500) + "\"}";
			// the text differs from the bytes: only the bytes may reach the client
			PushFrame push = new PushFrame("{\"sent\":\"as text\"}", PushFrame.utf8(encoded), ChangeType.CREATE,
					Instant.now());
			sink.write(push);
			sink.write(push);
			sink.write("{\"after\":\"ünï\"}");
			sink.flush();

			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(encoded);
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(encoded);
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"after\":\"ünï\"}");
			assertThat(push.utf8()).isEqualTo(PushFrame.utf8(encoded));
		}
		finally {
			client.abort();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSocket
	static class Probe implements WebSocketConfigurer {

		final BlockingQueue<WebSocketSession> sockets = new LinkedBlockingQueue<>();

		@Override
		public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
			registry.addHandler(new TextWebSocketHandler() {

				@Override
				public void afterConnectionEstablished(WebSocketSession session) {
					Probe.this.sockets.add(session);
				}

			}, "/frame-sink-probe");
		}

	}

	/** Collects whole text messages. */
	private record Texts(BlockingQueue<String> received, StringBuilder parts) implements WebSocket.Listener {

		Texts(BlockingQueue<String> received) {
			this(received, new StringBuilder());
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.parts.append(data);
			if (last) {
				this.received.add(this.parts.toString());
				this.parts.setLength(0);
			}
			socket.request(1);
			return null;
		}

	}

}
