package dev.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tool reads from the machine and its processes: CPU model and cores, another
 * process's CPU time and resident memory, its heap after a full GC (through jcmd), and
 * whether other builds compete for the cores.
 */
final class Machine {

	/** Processes that mean another build is running (the tool's own server is marked). */
	private static final Pattern BUSY = Pattern.compile("surefire|node --test|java .*-jar [^ ]*tidings-[^ ]*-exec\\.jar");

	static final String OWN_MARKER = "-Dtidings.bench=1";

	private Machine() {
	}

	static String describe() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux
		}
		String total = "";
		try {
			total = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM")
				.orElse("");
		}
		catch (IOException ex) {
			// not Linux
		}
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + total + ", Java "
				+ System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version");
	}

	/**
	 * Samples every two seconds whether another build runs, so the report can say how much
	 * of the run shared the cores with one.
	 */
	static final class Contention {

		private final java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();

		private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

		Contention start() {
			Thread sampler = new Thread(() -> {
				while (true) {
					this.samples.incrementAndGet();
					if (!otherLoad().isEmpty()) {
						this.busy.incrementAndGet();
					}
					try {
						Thread.sleep(2_000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "bench-contention");
			sampler.setDaemon(true);
			sampler.start();
			return this;
		}

		String describe() {
			int busy = this.busy.get();
			return (busy == 0) ? "none (idle)"
					: String.format("other builds ran during %.0f%% of the run", 100.0 * busy / this.samples.get());
		}

	}

	/** Other builds or servers now running on the machine, by command line. */
	static List<String> otherLoad() {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != ProcessHandle.current().pid())
			.map((process) -> process.info().commandLine().orElse(""))
			.filter((line) -> BUSY.matcher(line).find() && !line.contains(OWN_MARKER))
			.toList();
	}

	static long cpuMicros(long pid) {
		if (pid <= 0) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 10_000; // USER_HZ is 100 on Linux
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** Resident memory in KiB, or -1. */
	static long rssKib(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.findFirst()
				.orElse(-1);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The Java process's used heap in KiB right after a full GC, or -1. */
	static long heapAfterGcKib(long pid) {
		if (pid <= 0) {
			return -1;
		}
		try {
			jcmd(pid, "GC.run");
			String info = jcmd(pid, "GC.heap_info");
			Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
			return used.find() ? Long.parseLong(used.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** The process's live objects by class, after a full GC (jcmd GC.class_histogram). */
	static String histogram(long pid) throws IOException, InterruptedException {
		return (pid > 0) ? jcmd(pid, "GC.class_histogram") : "";
	}

	/**
	 * Starts a JFR recording in the process (profile settings), for the measured phase
	 * only; does nothing without a file.
	 */
	static void recordStart(long pid, java.nio.file.Path file) throws IOException, InterruptedException {
		if (file != null && pid > 0) {
			System.out.println(jcmd(pid, "JFR.start name=bench settings=profile filename=" + file.toAbsolutePath()));
		}
	}

	static void recordStop(long pid, java.nio.file.Path file) throws IOException, InterruptedException {
		if (file != null && pid > 0) {
			System.out.println(jcmd(pid, "JFR.stop name=bench"));
		}
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		List<String> args = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
		args.addAll(List.of(command.split(" ")));
		Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		process.waitFor(120, TimeUnit.SECONDS);
		return out;
	}

}
