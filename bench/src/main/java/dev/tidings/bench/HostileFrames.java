package dev.tidings.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hostile Reader's frames. A heavy filter nests {@code _and} and {@code _or} levels
 * down to {@link Attack#depth()}, on the fields the Reader may filter on ({@code title}), and
 * fills its query to just under {@link Attack#queryBytes()}: the {@code _and} levels hold
 * leaves that are true for every title and the {@code _or} levels leaves that are false, so
 * the server evaluates every leaf before the innermost one decides. Needles start with
 * {@code #}, which no title of the workload contains, and differ per filter, so no two
 * subscriptions share a group. The demo Reader may read no relation, so no filter of it can
 * force a re-read; it tries one among the malformed frames and is refused.
 */
final class HostileFrames {

	private static final String[] TRUE_LEAVES = { "_ncontains", "_nicontains", "_nstarts_with", "_niends_with" };

	private static final String[] FALSE_LEAVES = { "_contains", "_icontains", "_starts_with", "_iends_with" };

	/** Room left under the query limit for the rest of the query and however the server counts it. */
	private static final int MARGIN = 512;

	/** Over the server's default {@code max-message-size} of 1 MB. */
	private static final int HUGE_FRAME = 1_100_000;

	private final Attack attack;

	private final Random random;

	private long needles;

	HostileFrames(Attack attack, long seed) {
		this.attack = attack;
		this.random = new Random(seed);
	}

	/** A subscription with a heavy filter, matching every readable item or none. */
	String heavySubscribe(String uid) {
		boolean matching = this.random.nextInt(100) < this.attack.matchingPercent();
		return subscribe(uid, "{\"filter\":" + heavyFilter(matching, this.attack.queryBytes() - MARGIN) + "}");
	}

	/** The same kind of filter at twice the query limit. */
	String oversizedSubscribe(String uid) {
		return subscribe(uid, "{\"filter\":" + heavyFilter(false, 2 * this.attack.queryBytes()) + "}");
	}

	String unsubscribe(String uid) {
		return "{\"type\":\"unsubscribe\",\"uid\":\"" + uid + "\"}";
	}

	String ping(String uid) {
		return "{\"type\":\"ping\",\"uid\":\"" + uid + "\"}";
	}

	/** Something that is not JSON: half of a heavy subscription, or a few bytes of junk. */
	String invalidJson(String uid) {
		return switch (this.random.nextInt(3)) {
			case 0 -> {
				String heavy = heavySubscribe(uid);
				yield heavy.substring(0, heavy.length() / 2);
			}
			case 1 -> "{\"type\":\"subscribe\",\"collection\":\"articles\",\"uid\":";
			default -> "not json " + this.needles++;
		};
	}

	/** A message type the protocol does not have; the server ignores it. */
	String unknownType() {
		return (this.random.nextBoolean()) ? "{\"type\":\"collab\",\"action\":\"join\",\"uid\":\"c\"}"
				: "{\"type\":\"x" + this.needles++ + "\",\"data\":[1,2,3]}";
	}

	/**
	 * A subscription the server must refuse without harm: numbers with a huge exponent (in
	 * a filter value and as the limit), or a filter or field list through the
	 * {@code comments} field of articles, which the Reader may not read.
	 */
	String refusedSubscribe(String uid, int variant) {
		String huge = "1e" + this.attack.exponent();
		return switch (variant % 4) {
			case 0 -> subscribe(uid, "{\"filter\":{\"id\":{\"_in\":[" + huge + "," + huge + "]}}}");
			case 1 -> subscribe(uid, "{\"limit\":" + huge + "}");
			case 2 -> subscribe(uid, "{\"filter\":{\"comments\":{\"body\":{\"_icontains\":\"#" + needle() + "\"}}}}");
			default -> subscribe(uid, "{\"fields\":[\"*\",\"comments.*\"]}");
		};
	}

	/** A frame over the server's message size limit, answered with close 1009. */
	String hugeFrame(String uid) {
		return subscribe(uid, "{\"filter\":{\"title\":{\"_eq\":\"" + "x".repeat(HUGE_FRAME) + "\"}}}");
	}

	private static String subscribe(String uid, String query) {
		return "{\"type\":\"subscribe\",\"collection\":\"articles\",\"query\":" + query + ",\"uid\":\"" + uid + "\"}";
	}

	String heavyFilter(boolean matching, int bytes) {
		int depth = Math.max(1, this.attack.depth());
		String innermost = "{\"title\":{\"_icontains\":\"" + (matching ? "-" : "#" + needle()) + "\"}}";
		int room = bytes - innermost.length() - depth * "{\"_and\":[,]}".length();
		List<List<String>> levels = new ArrayList<>();
		for (int i = 0; i < depth; i++) {
			levels.add(new ArrayList<>());
		}
		int used = 0;
		for (int level = 0;; level = (level + 1) % depth) {
			String[] operators = (level % 2 == 0) ? TRUE_LEAVES : FALSE_LEAVES;
			String leaf = "{\"title\":{\"" + operators[this.random.nextInt(operators.length)] + "\":\"#" + needle()
					+ "\"}}";
			if (used + leaf.length() + 1 > room) {
				break;
			}
			levels.get(level).add(leaf);
			used += leaf.length() + 1;
		}
		String filter = innermost;
		for (int level = depth - 1; level >= 0; level--) {
			List<String> leaves = levels.get(level);
			filter = "{\"" + ((level % 2 == 0) ? "_and" : "_or") + "\":[" + String.join(",", leaves)
					+ (leaves.isEmpty() ? "" : ",") + filter + "]}";
		}
		return filter;
	}

	/** A needle no title contains, different every time. */
	private String needle() {
		return Long.toString(this.needles++, 36) + "q" + Long.toString(this.random.nextLong() & Long.MAX_VALUE, 36);
	}

}
