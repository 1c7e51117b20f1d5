package dev.tidings.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The budget and the bookkeeping of a fuzz property: applies {@code -Dtidings.fuzz.tries}
 * (tries per property, replacing the committed number), {@code -Dtidings.fuzz.scale} (a
 * factor on it) and {@code -Dtidings.fuzz.seed}; counts the inputs sent per target; and
 * collects every broken invariant with its input, so one run lists all of them instead of
 * stopping at the first (tries never throw; the property fails at its end).
 */
public final class FuzzRun implements AroundPropertyHook {

	/** The committed seed: the suite is the same on every run. */
	public static final String SEED = "20261204";

	private static final Map<String, Integer> counts = new LinkedHashMap<>();

	private static final List<String> violations = new ArrayList<>();

	@Override
	public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
		if (context.findAnnotation(net.jqwik.api.Example.class).isPresent()) {
			return collected(context, property.execute());
		}
		String tries = System.getProperty("tidings.fuzz.tries");
		int committed = context.attributes().tries().orElse(100);
		double scale = Double.parseDouble(System.getProperty("tidings.fuzz.scale", "1"));
		context.attributes()
			.setTries(
					(tries != null && !tries.isBlank()) ? Integer.parseInt(tries) : (int) Math.ceil(committed * scale));
		context.attributes().setSeed(System.getProperty("tidings.fuzz.seed", SEED));
		long start = System.nanoTime();
		PropertyExecutionResult result = property.execute();
		System.out.println("fuzz: " + context.label() + " took " + (System.nanoTime() - start) / 1_000_000 + " ms");
		return collected(context, result);
	}

	private static PropertyExecutionResult collected(PropertyLifecycleContext context, PropertyExecutionResult result) {
		synchronized (violations) {
			if (violations.isEmpty()) {
				return result;
			}
			String summary = violations.size() + " broken invariant(s) in " + context.label() + ":\n"
					+ String.join("\n", violations.subList(0, Math.min(violations.size(), 50)));
			violations.clear();
			return result.mapToFailed(new AssertionError(summary));
		}
	}

	/** Counts one input sent to the target. */
	public static void count(String target) {
		synchronized (counts) {
			counts.merge(target, 1, Integer::sum);
		}
	}

	/** Records a broken invariant, printing it at once with the input that broke it. */
	public static void violation(String target, String input, String problem) {
		String line = "FUZZ VIOLATION [" + target + "] " + problem + "\n    input: " + shorten(input, 600);
		System.out.println(line);
		synchronized (violations) {
			violations.add(line);
		}
	}

	/** Prints how many inputs were tried, per target and in total. */
	public static void report(String suite) {
		synchronized (counts) {
			int total = 0;
			for (Map.Entry<String, Integer> entry : counts.entrySet()) {
				System.out.println("fuzz " + suite + ": " + entry.getValue() + " inputs to " + entry.getKey());
				total += entry.getValue();
			}
			System.out.println("fuzz " + suite + ": " + total + " inputs in total");
			counts.clear();
		}
	}

	public static String shorten(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max / 2) + "…[" + text.length() + " chars]…"
				+ text.substring(text.length() - max / 4);
	}

}
