package dev.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hostile Reader of scenario (e): the demo Reader's own account (no honest session
 * uses it), {@link Attack#sockets()} sockets each driven by a thread of its own, on an
 * HTTP client apart from the honest sessions'.
 */
final class Attacker implements AutoCloseable {

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Tally tally = new Tally();

	private final List<HostileSocket> sockets = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "bench-attacker-io");
		thread.setDaemon(true);
		return thread;
	});

	private Attacker() {
	}

	static Attacker start(Target target, Attack attack) {
		Attacker attacker = new Attacker();
		HttpClient client = HttpClient.newBuilder()
			.executor(attacker.executor)
			.connectTimeout(Duration.ofSeconds(30))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		URI uri = URI.create(target.websocket() + "?access_token=" + target.token(Role.READER));
		for (int i = 0; i < attack.sockets(); i++) {
			HostileSocket socket = new HostileSocket(i, attack, attacker.tally, client, uri, attacker.running);
			Thread thread = new Thread(socket::run, "bench-attacker-" + i);
			thread.setDaemon(true);
			attacker.sockets.add(socket);
			attacker.threads.add(thread);
			thread.start();
		}
		return attacker;
	}

	/** Waits until every socket tried to fill its subscriptions once; false on time-out. */
	boolean awaitFilled(long millis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + millis;
		while (!this.sockets.stream().allMatch(HostileSocket::filled)) {
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
		return true;
	}

	/** Sockets open now. */
	int open() {
		return (int) this.sockets.stream().filter(HostileSocket::isOpen).count();
	}

	/** Subscriptions the server confirmed and holds now. */
	int held() {
		return this.sockets.stream().mapToInt(HostileSocket::held).sum();
	}

	Tally tally() {
		return this.tally;
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.sockets.forEach(HostileSocket::abort);
		for (Thread thread : this.threads) {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		this.executor.shutdownNow();
	}

}
