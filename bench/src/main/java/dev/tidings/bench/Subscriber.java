package dev.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.tidings.bench.Frames.Frame;
import dev.tidings.bench.Frames.Pushed;
import dev.tidings.bench.Semantics.Event;

/**
 * One WebSocket client: authenticated at the upgrade ({@code ?access_token=}, which both
 * servers accept in handshake mode), one subscription of its kind, pongs to the server's
 * pings, and hands every push to the ledger. A slow subscriber stops asking for frames, so
 * the socket's buffers fill and the server sees a client that stopped reading.
 */
final class Subscriber implements WebSocket.Listener {

	private static final String PONG = "{\"type\":\"pong\"}";

	/**
	 * Frames asked for ahead. Asking one at a time makes the JDK client pause and resume
	 * reading (a selector update) for every frame, which costs the shared cores more than
	 * the frame itself; but a session that stops reading still takes what it asked for.
	 */
	static final int DEMAND = 256;

	private final int demand;

	private final int index;

	private final Kind kind;

	private final Ledger ledger;

	private final Frames frames;

	private final CompletableFuture<Subscriber> subscribed = new CompletableFuture<>();

	private final BitSet receipts = new BitSet();

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	private volatile boolean reading = true;

	private volatile int checkedUntil = Integer.MAX_VALUE;

	private volatile boolean closed;

	private int sinceRequest;

	private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

	/** The first write this session is owed pushes of: those sent after it opened. */
	private final int checkedFrom;

	Subscriber(int index, Kind kind, Ledger ledger, Frames frames, int demand) {
		this.index = index;
		this.checkedFrom = ledger.nextSeq();
		this.demand = demand;
		this.kind = kind;
		this.ledger = ledger;
		this.frames = frames;
	}

	/** Connects and subscribes; completes when the subscription's {@code init} came. */
	CompletableFuture<Subscriber> open(HttpClient client, URI websocket, String token) {
		URI uri = URI.create(websocket + "?access_token=" + token);
		client.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(60))
			.buildAsync(uri, this)
			.whenComplete((socket, failure) -> {
				if (failure != null) {
					this.subscribed.completeExceptionally(failure);
				}
			});
		return this.subscribed;
	}

	@Override
	public void onOpen(WebSocket socket) {
		this.socket = socket;
		send(this.kind.subscribe());
		socket.request(this.demand);
	}

	@Override
	public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
		long at = System.nanoTime();
		if (!last) {
			this.partial.append(data);
		}
		else if (this.partial.length() > 0) {
			this.partial.append(data);
			String text = this.partial.toString();
			this.partial.setLength(0);
			handle(text, at);
		}
		else {
			handle(data.toString(), at);
		}
		if (this.reading && ++this.sinceRequest >= (this.demand + 1) / 2) {
			socket.request(this.sinceRequest);
			this.sinceRequest = 0;
		}
		return null;
	}

	private void handle(String text, long at) {
		Frame frame = this.frames.read(text);
		if (frame.isError()) {
			this.ledger.error(this + " got " + text);
			this.subscribed.completeExceptionally(new IllegalStateException(text));
			return;
		}
		switch (frame.type()) {
			case "ping" -> send(PONG);
			case "subscription" -> {
				if ("init".equals(frame.event())) {
					this.subscribed.complete(this);
				}
				else {
					Event event = Event.of(frame.event());
					for (Pushed item : frame.data()) {
						this.ledger.pushed(this, event, item, at);
					}
				}
			}
			default -> {
			}
		}
	}

	/** One send at a time: the JDK client refuses a send while another is pending. */
	private synchronized void send(String text) {
		this.sending = this.sending.thenCompose((previous) -> this.socket.sendText(text, true));
	}

	@Override
	public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
		this.closed = true;
		if (checked()) {
			this.ledger.error(this + " closed by the server: " + statusCode + " " + reason);
		}
		return null;
	}

	@Override
	public void onError(WebSocket socket, Throwable error) {
		this.closed = true;
		this.subscribed.completeExceptionally(error);
		if (checked()) {
			this.ledger.error(this + " failed: " + error);
		}
	}

	/** Stops reading: the pushes owed from the next write on are no longer checked. */
	void stopReading(int fromSeq) {
		this.checkedUntil = fromSeq;
		this.reading = false;
	}

	void close() {
		this.checkedUntil = Math.min(this.checkedUntil, this.ledger.nextSeq());
		WebSocket socket = this.socket;
		if (socket != null && !this.closed) {
			socket.abort();
		}
	}

	/** Whether this session reads and is owed every push. */
	boolean checked() {
		return this.checkedUntil == Integer.MAX_VALUE;
	}

	int checkedFrom() {
		return this.checkedFrom;
	}

	int checkedUntil() {
		return this.checkedUntil;
	}

	boolean isClosed() {
		return this.closed;
	}

	Kind kind() {
		return this.kind;
	}

	/** Notes a push of that write; false if it came before. */
	synchronized boolean receipt(int seq) {
		if (this.receipts.get(seq)) {
			return false;
		}
		this.receipts.set(seq);
		return true;
	}

	synchronized boolean received(int seq) {
		return this.receipts.get(seq);
	}

	@Override
	public String toString() {
		return "session " + this.index + " (" + this.kind + ")";
	}

}
