package dev.tidings.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone app with its demo content, in this JVM (so the fuzz suite can measure
 * the server's heap), on a random port with a database of its own; and the three callers
 * the suite acts as, with tokens from a real {@code /auth/login}.
 */
public final class FuzzServer implements AutoCloseable {

	/** Who sends the inputs. */
	public enum Caller {

		ANONYMOUS(null, null), READER("reader@example.com", "reader-password-123"),
		EDITOR("editor@example.com", "editor-password-123");

		final @Nullable String email;

		final @Nullable String password;

		Caller(@Nullable String email, @Nullable String password) {
			this.email = email;
			this.password = password;
		}

	}

	/** One HTTP answer and how long it took. */
	public record Answer(int status, @Nullable String contentType, String body, Duration took) {
	}

	/** The most an answer may take: generous, it guards against multi-second parses. */
	public static final Duration TIME_BOUND = Duration.ofSeconds(2);

	/** How much the heap used after a full GC may grow over a whole run. */
	public static final long HEAP_GROWTH_BOUND = 256L * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext context;

	private final int port;

	private final Map<Caller, @Nullable String> tokens = new EnumMap<>(Caller.class);

	private final Map<Caller, ReadOracle> oracles = new EnumMap<>(Caller.class);

	private long heapAtStart;

	public FuzzServer(String name, String... arguments) {
		List<String> args = new ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:h2:mem:fuzz-" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--server.port=0", "--tidings.auth.login-stall-time=10ms", "--tidings.auth.access-token-ttl=1h",
				"--DEMO_CONTENT=true", "--logging.level.org.apache.catalina=WARN"));
		args.addAll(List.of(arguments));
		this.context = new SpringApplicationBuilder(TidingsApplication.class).run(args.toArray(String[]::new));
		this.port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		for (Caller caller : Caller.values()) {
			this.tokens.put(caller, (caller.email != null) ? login(caller) : null);
			this.oracles.put(caller, new ReadOracle((path) -> data(send(caller, "GET", path, null, null))));
		}
	}

	public int port() {
		return this.port;
	}

	public @Nullable String token(Caller caller) {
		return this.tokens.get(caller);
	}

	public ReadOracle oracle(Caller caller) {
		return this.oracles.get(caller);
	}

	/** Forgets every caller's readable rows: something was written. */
	public void written() {
		this.oracles.values().forEach(ReadOracle::forget);
	}

	/** Remembers the heap used after a full GC; call once the server is warm. */
	public void measureHeapAtStart() {
		this.heapAtStart = usedHeapAfterGc();
	}

	/**
	 * How much the heap used after a full GC grew since {@link #measureHeapAtStart()}.
	 */
	public long heapGrowth() {
		return usedHeapAfterGc() - this.heapAtStart;
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	public Answer send(Caller caller, String method, String pathAndQuery, @Nullable String contentType,
			@Nullable String body) {
		BodyPublisher publisher = (body != null) ? BodyPublishers.ofString(body, StandardCharsets.UTF_8)
				: BodyPublishers.noBody();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.method(method, publisher);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		String token = this.tokens.get(caller);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		long start = System.nanoTime();
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			return new Answer(-1, null, "I/O failure: " + ex, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code data} of a 200 answer, or null. */
	public static @Nullable Object data(Answer answer) {
		if (answer.status() != 200) {
			return null;
		}
		return ((Map<?, ?>) Envelope.JSON.readValue(answer.body(), Object.class)).get("data");
	}

	private String login(Caller caller) {
		Answer answer = send(Caller.ANONYMOUS, "POST", "/auth/login", "application/json",
				Envelope.JSON.writeValueAsString(Map.of("email", caller.email, "password", caller.password)));
		if (answer.status() != 200) {
			throw new IllegalStateException("Cannot log in as " + caller + ": " + answer.body());
		}
		return (String) ((Map<?, ?>) data(answer)).get("access_token");
	}

	@Override
	public void close() {
		this.context.close();
	}

}
