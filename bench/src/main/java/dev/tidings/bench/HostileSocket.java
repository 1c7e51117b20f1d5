package dev.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One socket of the hostile Reader, driven by a thread of its own: it connects, fills its
 * subscriptions, then churns bursts of frames, each burst followed by a {@code ping} whose
 * {@code pong} (messages of one socket are answered in order) says the server has dealt
 * with the burst. When the server answers {@code REQUESTS_EXCEEDED}, the next burst waits
 * for the budget the server names; so it goes as fast as the server lets it. A closed or
 * refused socket is opened again a second later and refilled. What comes back is the
 * {@link HostileListener}'s.
 */
final class HostileSocket {

	/** Frames of a burst before its ping: three unsubscribe-and-subscribe pairs and four malformed. */
	private static final int BURST = 10;

	/** Bursts between two frames over the server's message size limit. */
	private static final int HUGE_EVERY = 25;

	private final Attack attack;

	private final Tally tally;

	private final HostileFrames frames;

	private final Random random;

	private final HttpClient client;

	private final URI uri;

	private final AtomicBoolean running;

	private final HostileListener listener;

	private volatile boolean filled;

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
		this.listener = new HostileListener(tally, running);
	}

	/** The thread's loop, until the attacker stops. */
	void run() {
		try {
			while (this.running.get()) {
				if (!this.listener.isOpen()) {
					// a second between connections: a server that refuses or closes at once is not
					// flooded with upgrades
					if (this.filled) {
						this.listener.pause(TimeUnit.SECONDS.toNanos(1));
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
			this.listener.abort();
		}
	}

	private boolean connect() throws InterruptedException {
		this.listener.reset();
		try {
			this.client.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(30))
				.buildAsync(this.uri, this.listener)
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
		for (int round = 0; round < 5 && this.listener.isOpen() && this.running.get(); round++) {
			List<String> missing = new ArrayList<>();
			for (int slot = 0; slot < this.attack.subscriptions(); slot++) {
				if (this.listener.missing("s" + slot)) {
					missing.add("s" + slot);
				}
			}
			if (missing.isEmpty()) {
				return;
			}
			for (int from = 0; from < missing.size() && this.listener.isOpen() && this.running.get(); from += BURST) {
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
			this.listener.pause(earliest - System.nanoTime());
		}
	}

	private void send(String what, String text) throws InterruptedException {
		WebSocket socket = this.listener.socket();
		if (!this.listener.isOpen() || socket == null) {
			return;
		}
		try {
			socket.sendText(text, true).get(30, TimeUnit.SECONDS);
			this.tally.add("sent: " + what);
		}
		catch (ExecutionException | TimeoutException ex) {
			// the server closed it under us (after a frame over the size limit, for one)
			this.tally.add("send failed");
			this.listener.abort();
		}
	}

	/** Pings, and waits for the answer that lets the next burst go. */
	private void barrier(long burstStart, int burst) throws InterruptedException {
		String uid = "b" + this.pings++;
		send("ping", this.frames.ping(uid));
		this.listener.awaitAnswer(uid, burstStart, burst);
	}

	/** Drops the connection: the attacker stops. */
	void abort() {
		this.listener.abort();
	}

	boolean filled() {
		return this.filled;
	}

	boolean isOpen() {
		return this.listener.isOpen();
	}

	int held() {
		return this.listener.held();
	}

}
