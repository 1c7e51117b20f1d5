package dev.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes a scenario's section of {@code bench/RESULTS.md} between its markers, replacing
 * the previous run's figures and leaving the hand-written analysis around them alone; a
 * section not yet in the file is appended.
 */
final class Results {

	private Results() {
	}

	static void update(Path file, String scenario, String section) throws IOException {
		String start = "<!-- bench:" + scenario + " -->";
		String end = "<!-- /bench:" + scenario + " -->";
		String text = Files.exists(file) ? Files.readString(file) : "# Benchmark results\n";
		String block = start + "\n" + section.strip() + "\n" + end;
		int from = text.indexOf(start);
		int to = text.indexOf(end);
		if (from >= 0 && to > from) {
			text = text.substring(0, from) + block + text.substring(to + end.length());
		}
		else {
			text = text.stripTrailing() + "\n\n" + block + "\n";
		}
		Files.writeString(file, text);
	}

	/** The commit the tool ran from, marked when the work tree had changes. */
	static String commit(Path dir) {
		try {
			String sha = git(dir, "rev-parse", "--short=10", "HEAD").strip();
			boolean dirty = !git(dir, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/RESULTS.md")
				.isBlank();
			return sha + (dirty ? " (with uncommitted changes)" : "");
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private static String git(Path dir, String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 3];
		command[0] = "git";
		command[1] = "-C";
		command[2] = dir.toString();
		System.arraycopy(args, 0, command, 3, args.length);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		process.waitFor(30, TimeUnit.SECONDS);
		if (process.exitValue() != 0) {
			throw new IOException(out);
		}
		return out;
	}

}
