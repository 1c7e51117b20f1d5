package dev.tidings.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tidings standalone, started by the tool: the exec jar in a fresh temporary directory
 * (so a fresh H2 under {@code ./data}) on a free port, marked with
 * {@value Machine#OWN_MARKER} so the tool never mistakes it for another build.
 */
final class Server implements AutoCloseable {

	static final String ADMIN_PASSWORD = "admin-password-123";

	private final Process process;

	private final Path dir;

	private final int port;

	private Server(Process process, Path dir, int port) {
		this.process = process;
		this.dir = dir;
		this.port = port;
	}

	/**
	 * @param arguments the application's own arguments ({@code --name=value}), which win
	 * over its environment and defaults
	 */
	static Server start(Path jar, List<String> jvmOptions, List<String> arguments)
			throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("tidings-bench-");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of("java", Machine.OWN_MARKER));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("server.log").toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("DB_"));
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("HOST", "127.0.0.1");
		builder.environment().put("SECRET", "bench-secret-0123456789-0123456789-0123456789");
		builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().put("WEBSOCKETS_REST_AUTH", "handshake");
		// the demo rows and the Editor and Reader the scenarios log in as
		builder.environment().put("DEMO_CONTENT", "true");
		// runs outlast the default 15 minutes; tokens are verified at the upgrade only
		builder.environment().put("ACCESS_TOKEN_TTL", "6h");
		Server server = new Server(builder.start(), dir, port);
		server.awaitReady();
		return server;
	}

	/** Waits until the Reader, the last demo account created, can log in. */
	private void awaitReady() throws IOException, InterruptedException {
		Rest rest = new Rest(url());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (true) {
			if (!this.process.isAlive()) {
				throw new IOException("Tidings exited early:\n" + tail());
			}
			try {
				rest.login(Role.READER.email(), Role.READER.password(ADMIN_PASSWORD));
				return;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new IOException("Tidings did not start within 180 s:\n" + tail(), ex);
				}
				Thread.sleep(300);
			}
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.dir.resolve("server.log");
	}

	String tail() throws IOException {
		List<String> lines = Files.readAllLines(log());
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** Warnings and errors the server logged, for the report. */
	List<String> problems() throws IOException {
		return Files.readAllLines(log())
			.stream()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.filter((line) -> !line.contains("Flyway has been verified"))
			.limit(20)
			.toList();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder())
				.filter((path) -> !path.getFileName().toString().endsWith(".jfr"))
				.forEach((path) -> path.toFile().delete());
		}
	}

}
