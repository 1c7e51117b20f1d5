package dev.tidings.bench;

import java.net.http.WebSocket;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server tells one hostile socket, over all its connections: every frame is
 * read and counted; the subscriptions it confirmed are held; its {@code pong}s and
 * {@code REQUESTS_EXCEEDED} answers pace the {@link HostileSocket} that sends. It never
 * answers the server's pings: the socket's own frames keep it alive.
 */
final class HostileListener implements WebSocket.Listener {

	private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)ms");

	private static final long PONG_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Tally tally;

	private final AtomicBoolean running;

	/** Slots whose subscription the server confirmed ({@code init}) and still holds. */
	private final Set<String> held = ConcurrentHashMap.newKeySet();

	/** Slots the server refused on this connection. */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	private final Object signal = new Object();

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	private volatile boolean open;

	/** Guarded by {@link #signal}. */
	private String lastPong;

	/** Guarded by {@link #signal}: when the last {@code REQUESTS_EXCEEDED} came, and its wait. */
	private long exceededAt;

	private long retryAfterMillis;

	HostileListener(Tally tally, AtomicBoolean running) {
		this.tally = tally;
		this.running = running;
	}

	/** Before a new connection: nothing held, nothing refused. */
	void reset() {
		this.held.clear();
		this.refused.clear();
	}

	/**
	 * Waits for the {@code pong} of that uid, or, when the server refused frames of the
	 * burst for their rate, for the time it named per frame of the next burst.
	 */
	void awaitAnswer(String pong, long burstStart, int burst) throws InterruptedException {
		long deadline = System.nanoTime() + PONG_NANOS;
		synchronized (this.signal) {
			while (this.open && this.running.get()) {
				if (pong.equals(this.lastPong)) {
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

	/** Waits that long, or until the attacker stops. */
	void pause(long nanos) throws InterruptedException {
		long until = System.nanoTime() + nanos;
		synchronized (this.signal) {
			long left;
			while (this.running.get() && (left = until - System.nanoTime()) > 0) {
				TimeUnit.NANOSECONDS.timedWait(this.signal, left);
			}
		}
	}

	/** Ends a wait at once: the attacker stops or the socket closed. */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	/** Drops the connection without a close handshake, ending a send in flight. */
	void abort() {
		WebSocket socket = this.socket;
		if (socket != null) {
			socket.abort();
		}
		closed();
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
			error(type, uid, frame.path("error"));
			return;
		}
		switch (type) {
			case "subscription" -> subscription(frame.path("event").asString(""), uid);
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

	private void error(String type, String uid, JsonNode error) {
		String code = error.path("code").asString("?");
		this.tally.add("answered: error " + code);
		if (code.equals("REQUESTS_EXCEEDED")) {
			Matcher retry = RETRY_AFTER.matcher(error.path("message").asString(""));
			synchronized (this.signal) {
				this.exceededAt = System.nanoTime();
				this.retryAfterMillis = retry.find() ? Long.parseLong(retry.group(1)) : 20;
				this.signal.notifyAll();
			}
		}
		else if (type.equals("subscribe") && uid != null) {
			// a failed re-subscribe keeps the subscription the uid held
			this.refused.add(uid);
		}
	}

	private void subscription(String event, String uid) {
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

	/** The connection is gone: the server closed it, it failed, or a send did. */
	void closed() {
		this.open = false;
		this.held.clear();
		wake();
	}

	WebSocket socket() {
		return this.socket;
	}

	boolean isOpen() {
		return this.open;
	}

	/** Whether the slot needs a subscribe: neither held nor refused on this connection. */
	boolean missing(String uid) {
		return !this.held.contains(uid) && !this.refused.contains(uid);
	}

	int held() {
		return this.held.size();
	}

}
