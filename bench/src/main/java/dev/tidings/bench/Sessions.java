package dev.tidings.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * N subscribers, their kinds dealt round-robin over {@link Kind}, spread over a few JDK
 * HTTP clients (one selector thread each handles thousands of sockets) whose listener
 * callbacks run on two threads per client. Opening is bounded to a few hundred upgrades
 * in flight.
 */
final class Sessions implements AutoCloseable {

	private static final int SOCKETS_PER_CLIENT = 2_500;

	private static final int OPENING = 200;

	private final List<Subscriber> subscribers = new ArrayList<>();

	private final List<ExecutorService> executors = new ArrayList<>();

	private final List<HttpClient> clients = new ArrayList<>();

	private final Frames frames = new Frames();

	private Sessions() {
	}

	/** Opens and subscribes them all; fails on the first that cannot subscribe. */
	static Sessions open(Target target, Ledger ledger, int count) throws Exception {
		return open(target, ledger, count, Subscriber.DEMAND);
	}

	/**
	 * @param demand how many frames each session asks for ahead (1 where some will stop
	 * reading and must stop at once)
	 */
	static Sessions open(Target target, Ledger ledger, int count, int demand) throws Exception {
		return open(target, ledger, count, demand, (kind) -> target.token(kind.role()));
	}

	/**
	 * @param tokens the token of each next session of a kind (every session of a role
	 * shares the role's own account otherwise)
	 */
	static Sessions open(Target target, Ledger ledger, int count, int demand, Function<Kind, String> tokens)
			throws Exception {
		Sessions sessions = new Sessions();
		int clients = Math.max(1, (count + SOCKETS_PER_CLIENT - 1) / SOCKETS_PER_CLIENT);
		for (int i = 0; i < clients; i++) {
			AtomicInteger threads = new AtomicInteger();
			ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
				Thread thread = new Thread(task, "bench-ws-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			sessions.executors.add(executor);
			sessions.clients.add(HttpClient.newBuilder()
				.executor(executor)
				.connectTimeout(Duration.ofSeconds(60))
				.version(HttpClient.Version.HTTP_1_1)
				.build());
		}
		Semaphore opening = new Semaphore(OPENING);
		List<CompletableFuture<Subscriber>> opened = new ArrayList<>();
		Kind[] kinds = Kind.values();
		for (int i = 0; i < count; i++) {
			Subscriber subscriber = new Subscriber(i, kinds[i % kinds.length], ledger, sessions.frames, demand);
			sessions.subscribers.add(subscriber);
			opening.acquire();
			CompletableFuture<Subscriber> open = subscriber.open(sessions.clients.get(i % clients), target.websocket(),
					tokens.apply(subscriber.kind()));
			open.whenComplete((s, failure) -> opening.release());
			opened.add(open);
		}
		try {
			CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			sessions.close();
			throw ex;
		}
		ledger.readers(sessions.subscribers);
		return sessions;
	}

	List<Subscriber> all() {
		return this.subscribers;
	}

	int open() {
		return (int) this.subscribers.stream().filter((subscriber) -> !subscriber.isClosed()).count();
	}

	@Override
	public void close() {
		this.subscribers.forEach(Subscriber::close);
		this.executors.forEach(ExecutorService::shutdownNow);
	}

}
