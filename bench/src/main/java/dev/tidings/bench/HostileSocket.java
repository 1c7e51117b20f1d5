package dev.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One socket of the hostile Reader, driven by a thread of its own: it connects, fills its
 * subscriptions, then churns bursts of frames, each burst followed by a {@code ping} whose
 * {@code pong} (messages of one socket are answered in order) says the server has dealt
 * with the burst. When the server answers {@code REQUESTS_EXCEEDED}, the next burst waits
 * for the budget the server names; so it goes as fast as the server lets it. A closed or
 * refused socket is opened again and refilled. It reads everything the server sends and
 * never answers the server's pings: its own frames keep it alive.
 */
final class HostileSocket implements WebSocket.Listener {

	/** Frames of a burst before its ping: three unsubscribe-and-subscribe pairs and four malformed. */
	private static final int BURST = 10;

	/** Bursts between two frames over the server's message size limit. */
	private static final int HUGE_EVERY = 25;

	private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)ms");

	private static final long BARRIER_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Attack attack;

	private final Tally tally;

	private final HostileFrames frames;

	private final Random random;

	private final HttpClient client;

	private final URI uri;

	private final AtomicBoolean running;

	/** Slots whose subscription the server confirmed ({@code init}) and still holds. */
	private final Set<String> held = ConcurrentHashMap.newKeySet();

	/** Slots the server refused during this connection's fill. */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	private final Object signal = new Object();

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	private volatile boolean open;

	private volatile boolean filled;

	/** Guarded by {@link #signal}. */
	private String lastPong;

	/** Guarded by {@link #signal}: when the last {@code REQUESTS_EXCEEDED} came, and its wait. */
	private long exceededAt;

	private long retryAfterMillis;

	private int bursts;

	private int pings;

	HostileSocket(int index, Attack attack, Tally tally, HttpClient client, URI uri, AtomicBoolean running) {
		this.attack = attack;
		this.tally = tally;
		this.frames = new HostileFrames(attack, 1_000 + index);
		this.random = new Random(index);
		this.client = client;
		this.uri = uri;
		this.running = running;
	}

	/** The thread's loop, until the attacker stops. */
	void run() {
		try {
			while (this.running.get()) {
				if (!this.open) {
					// a second between connections: a server that refuses or closes at once is not
					// flooded with upgrades
					if (this.filled) {
						pause(TimeUnit.SECONDS.toNanos(1));
					}
					if (connect()) {
						fill();
					}
					this.filled = true;
				}
				else {
					churn();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			WebSocket socket = this.socket;
			if (socket != null) {
				socket.abort();
			}
		}
	}

	private boolean connect() throws InterruptedException {
		this.held.clear();
		this.refused.clear();
		try {
			this.client.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(30))
				.buildAsync(this.uri, this)
				.get(60, TimeUnit.SECONDS);
			this.tally.add("upgrade accepted");
			return true;
		}
		catch (ExecutionException ex) {
			this.tally.add((ex.getCause() instanceof WebSocketHandshakeException refusal)
					? "upgrade refused: HTTP " + refusal.getResponse().statusCode()
					: "upgrade failed: " + ex.getCause().getClass().getSimpleName());
			return false;
		}
		catch (TimeoutException ex) {
			this.tally.add("upgrade failed: time-out");
			return false;
		}
	}

	/** Subscribes every slot; a slot refused is not asked again on this connection. */
	private void fill() throws InterruptedException {
		for (int round = 0; round < 5 && this.open && this.running.get(); round++) {
			List<String> missing = new ArrayList<>();
			for (int slot = 0; slot < this.attack.subscriptions(); slot++) {
				String uid = "s" + slot;
				if (!this.held.contains(uid) && !this.refused.contains(uid)) {
					missing.add(uid);
				}
			}
			if (missing.isEmpty()) {
				return;
			}
			for (int from = 0; from < missing.size() && this.open && this.running.get(); from += BURST) {
				long start = System.nanoTime();
				List<String> burst = missing.subList(from, Math.min(missing.size(), from + BURST));
				for (String uid : burst) {
					send("heavy subscribe", this.frames.heavySubscribe(uid));
				}
				barrier(start, burst.size());
			}
		}
	}

	/** One burst: replaced subscriptions, and a frame of each malformed kind. */
	private void churn() throws InterruptedException {
		long start = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			String uid = "s" + this.random.nextInt(this.attack.subscriptions());
			send("unsubscribe", this.frames.unsubscribe(uid));
			send("heavy subscribe", this.frames.heavySubscribe(uid));
		}
		String uid = "s" + this.random.nextInt(this.attack.subscriptions());
		send("invalid JSON", this.frames.invalidJson(uid));
		send("unknown type", this.frames.unknownType());
		int variant = this.bursts % 5;
		switch (variant) {
			case 0 -> send("oversized query", this.frames.oversizedSubscribe(uid));
			case 1, 2 -> send("huge number", this.frames.refusedSubscribe(uid, variant - 1));
			default -> send("filter or fields through a relation", this.frames.refusedSubscribe(uid, variant - 1));
		}
		if (++this.bursts % HUGE_EVERY == 0) {
			send("frame over max-message-size", this.frames.hugeFrame(uid));
		}
		send("random JSON", "{\"type\":\"subscribe\",\"uid\":" + this.random.nextInt() + ",\"query\":[]}");
		barrier(start, BURST);
		if (this.attack.rate() > 0) {
			long earliest = start + TimeUnit.SECONDS.toNanos(BURST + 1) / this.attack.rate();
			pause(earliest - System.nanoTime());
		}
	}

	private void send(String what, String text) throws InterruptedException {
		WebSocket socket = this.socket;
		if (!this.open || socket == null) {
			return;
		}
		try {
			socket.sendText(text, true).get(30, TimeUnit.SECONDS);
			this.tally.add("sent: " + what);
		}
		catch (ExecutionException | TimeoutException ex) {
			// the server closed it under us (after a frame over the size limit, for one)
			this.tally.add("send failed");
			closed();
			socket.abort();
		}
	}

	/**
	 * Pings and waits for the pong, or, when the server refused frames for their rate,
	 * for the time it named per frame of the next burst.
	 */
	private void barrier(long burstStart, int burst) throws InterruptedException {
		String uid = "b" + this.pings++;
		send("ping", this.frames.ping(uid));
		long deadline = System.nanoTime() + BARRIER_NANOS;
		synchronized (this.signal) {
			while (this.open && this.running.get()) {
				if (uid.equals(this.lastPong)) {
					return;
				}
				long now = System.nanoTime();
				long until = deadline;
				if (this.exceededAt >= burstStart) {
					until = this.exceededAt + TimeUnit.MILLISECONDS.toNanos(this.retryAfterMillis * (burst + 1));
				}
				if (now >= until) {
					if (until == deadline) {
						this.tally.add("pong not seen within 10 s");
					}
					return;
				}
				TimeUnit.NANOSECONDS.timedWait(this.signal, until - now);
			}
		}
	}

	private void pause(long nanos) throws InterruptedException {
		long until = System.nanoTime() + nanos;
		synchronized (this.signal) {
			long left;
			while (this.running.get() && (left = until - System.nanoTime()) > 0) {
				TimeUnit.NANOSECONDS.timedWait(this.signal, left);
			}
		}
	}

	/** Drops the connection without a close handshake, ending a send in flight. */
	void abort() {
		WebSocket socket = this.socket;
		if (socket != null) {
			socket.abort();
		}
		wake();
	}

	/** Ends a barrier or a pause at once: the attacker stops or the socket closed. */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	@Override
	public void onOpen(WebSocket socket) {
		this.socket = socket;
		this.partial.setLength(0);
		this.open = true;
		socket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			String text = this.partial.toString();
			this.partial.setLength(0);
			handle(text);
		}
		return null;
	}

	private void handle(String text) {
		JsonNode frame;
		try {
			frame = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			this.tally.add("answered: unreadable");
			return;
		}
		String type = frame.path("type").asString("");
		String uid = frame.path("uid").asString(null);
		if ("error".equals(frame.path("status").asString(null))) {
			String code = frame.path("error").path("code").asString("?");
			this.tally.add("answered: error " + code);
			if (code.equals("REQUESTS_EXCEEDED")) {
				Matcher retry = RETRY_AFTER.matcher(frame.path("error").path("message").asString(""));
				synchronized (this.signal) {
					this.exceededAt = System.nanoTime();
					this.retryAfterMillis = retry.find() ? Long.parseLong(retry.group(1)) : 20;
					this.signal.notifyAll();
				}
			}
			else if (type.equals("subscribe") && uid != null) {
				this.refused.add(uid);
			}
			return;
		}
		switch (type) {
			case "subscription" -> {
				String event = frame.path("event").asString("");
				if (uid == null) {
					this.tally.add("answered: subscription without uid");
				}
				else if (event.equals("init")) {
					this.held.add(uid);
					this.tally.add("answered: init");
				}
				else if (event.equals("unsubscribe")) {
					this.held.remove(uid);
					this.tally.add("answered: unsubscribe");
				}
				else {
					this.tally.add("pushes received");
				}
			}
			case "pong" -> {
				synchronized (this.signal) {
					this.lastPong = uid;
					this.signal.notifyAll();
				}
			}
			case "ping" -> this.tally.add("server pings");
			default -> this.tally.add("answered: " + type);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
		if (this.running.get()) {
			this.tally.add("closed " + statusCode + (reason.isEmpty() ? "" : " (" + reason + ")"));
		}
		closed();
		return null;
	}

	@Override
	public void onError(WebSocket socket, Throwable error) {
		if (this.running.get()) {
			this.tally.add("socket failed: " + error.getClass().getSimpleName());
		}
		closed();
	}

	private void closed() {
		this.open = false;
		this.held.clear();
		wake();
	}

	boolean filled() {
		return this.filled;
	}

	boolean isOpen() {
		return this.open;
	}

	int held() {
		return this.held.size();
	}

}
