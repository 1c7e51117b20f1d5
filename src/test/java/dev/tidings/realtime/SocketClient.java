package dev.tidings.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real WebSocket client (the JDK's) for end-to-end tests: collects every text message
 * parsed, and the close code. {@link #next()} waits for the next message, never sleeps.
 * Public so that the tests of other domains (the library) subscribe as these do.
 */
public final class SocketClient implements AutoCloseable {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private final boolean autoPong;

	private volatile boolean stalled;

	private volatile String closeReason = "";

	private SocketClient(URI uri, Map<String, String> headers, boolean autoPong) {
		this.autoPong = autoPong;
		WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
		headers.forEach(builder::header);
		this.socket = builder.buildAsync(uri, new Listener()).join();
	}

	public static SocketClient open(int port, String query) {
		return open(port, query, Map.of());
	}

	public static SocketClient open(int port, String query, Map<String, String> headers) {
		return new SocketClient(URI.create("ws://localhost:" + port + "/websocket" + query), headers, true);
	}

	/** A client that does not answer the server's heartbeat pings (and sees them). */
	static SocketClient silent(int port, String query) {
		return new SocketClient(URI.create("ws://localhost:" + port + "/websocket" + query), Map.of(), false);
	}

	/** The HTTP status an upgrade is refused with. */
	public static int refusal(int port, String query, Map<String, String> headers) {
		try {
			open(port, query, headers).close();
			return 101;
		}
		catch (CompletionException ex) {
			assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
			return ((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode();
		}
	}

	/** An access token and refresh token from a real {@code /auth/login}. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> login(int port, String email, String password) {
		String body = json.writeValueAsString(Map.of("email", email, "password", password));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return (Map<String, Object>) json.readValue(response.body(), Map.class).get("data");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String token(int port, String email, String password) {
		return (String) login(port, email, password).get("access_token");
	}

	public SocketClient send(Object message) {
		return sendText((message instanceof String text) ? text : json.writeValueAsString(message));
	}

	synchronized SocketClient sendText(String text) {
		this.socket.sendText(text, true).join();
		return this;
	}

	/** Sends the bytes as one binary frame. */
	synchronized SocketClient sendBinary(byte[] bytes) {
		this.socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
		return this;
	}

	/** The next message, failing after 10 seconds. */
	public Map<String, Object> next() {
		try {
			Map<String, Object> message = this.messages.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("a message within 10 s").isNotNull();
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends the message and returns the next message. */
	public Map<String, Object> ask(Object message) {
		send(message);
		return next();
	}

	/**
	 * Stops reading from the socket after the message in hand, as a client that hangs
	 * does: the server's frames pile up in the network buffers.
	 */
	void stall() {
		this.stalled = true;
	}

	/** Messages received but not yet taken. */
	BlockingQueue<Map<String, Object>> pending() {
		return this.messages;
	}

	/** The close code, waiting up to 15 seconds for it. */
	public int closeCode() {
		return this.closed.orTimeout(15, TimeUnit.SECONDS).join();
	}

	/** The reason of the close frame, once {@link #closeCode()} returned. */
	String closeReason() {
		return this.closeReason;
	}

	boolean isClosed() {
		return this.closed.isDone();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		@SuppressWarnings("unchecked")
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				Map<String, Object> message = json.readValue(this.text.toString(), Map.class);
				if (SocketClient.this.autoPong && message.equals(Map.of("type", "ping"))) {
					CompletableFuture.runAsync(() -> sendText("{\"type\":\"pong\"}"));
				}
				else {
					SocketClient.this.messages.add(message);
				}
				this.text.setLength(0);
			}
			if (!SocketClient.this.stalled) {
				webSocket.request(1);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			SocketClient.this.closeReason = reason;
			SocketClient.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			SocketClient.this.closed.complete(1006);
		}

	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
