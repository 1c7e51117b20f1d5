package dev.tidings.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Directus 11.17.4 peer, started and stopped with the {@code start.sh} and
 * {@code stop.sh} of the peer directory ({@code --peer-dir}; first use installs it:
 * minutes of CPU). Logs at
 * {@code warn}, since {@code info} logs every request.
 */
final class Peer implements AutoCloseable {

	static final String ADMIN_PASSWORD = "admin-password-123";

	private final Path dir;

	private final Path log;

	private Peer(Path dir, Path log) {
		this.dir = dir;
		this.log = log;
	}

	/** Starts the peer; throws with the script's last lines when it cannot. */
	static Peer start(Path dir) throws IOException, InterruptedException {
		Path script = dir.resolve("start.sh");
		if (!Files.isRegularFile(script)) {
			throw new IOException("no " + script + " on this machine");
		}
		Path log = Files.createTempFile("directus-peer-", ".log");
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("DIRECTUS_LOG_LEVEL", "warn");
		Process process = builder.start();
		if (!process.waitFor(20, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IOException("start.sh did not finish within 20 minutes");
		}
		Peer peer = new Peer(dir, log);
		if (process.exitValue() != 0) {
			throw new IOException("start.sh failed (exit " + process.exitValue() + "):\n" + peer.tail());
		}
		return peer;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + System.getenv().getOrDefault("DIRECTUS_PEER_PORT", "8056"));
	}

	/** The Directus process, from the pid file start.sh writes. */
	long pid() {
		String home = System.getenv()
			.getOrDefault("DIRECTUS_PEER_HOME", System.getProperty("user.home") + "/.cache/directus-peer");
		try {
			return Long.parseLong(Files.readString(Path.of(home, "directus.pid")).trim());
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
	}

	@Override
	public void close() throws IOException, InterruptedException {
		new ProcessBuilder("bash", this.dir.resolve("stop.sh").toString()).inheritIO().start().waitFor(60,
				TimeUnit.SECONDS);
	}

}
