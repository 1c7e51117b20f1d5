package dev.tidings.cluster.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the cluster stream: who wrote it, its place in that writer's sequence, and
 * what it says. Its fields are flat strings, as a Redis stream entry holds them.
 *
 * @param origin the id of the instance that wrote it, new at every start
 * @param sequence its number among that instance's entries, from 1, without gaps
 * @param kind a change notification or a security invalidation
 * @param data the encoded notification of a change, null for an invalidation
 */
public record Entry(String origin, long sequence, Kind kind, @Nullable String data) {

	/** What an entry says. */
	public enum Kind {

		/** Committed changes to one collection ({@code data} holds them). */
		CHANGE,

		/**
		 * Users, roles, policies, access or permissions changed: forget what was cached.
		 */
		INVALIDATION

	}

	public Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("origin", this.origin);
		fields.put("seq", Long.toString(this.sequence));
		fields.put("kind", this.kind.name());
		if (this.data != null) {
			fields.put("data", this.data);
		}
		return fields;
	}

	/** Reads an entry's fields; fails on anything this version did not write. */
	public static Entry of(Map<String, String> fields) {
		String origin = fields.get("origin");
		String sequence = fields.get("seq");
		String kind = fields.get("kind");
		if (origin == null || sequence == null || kind == null) {
			throw new IllegalArgumentException("Not a Tidings cluster entry: " + fields.keySet());
		}
		long number = Long.parseLong(sequence);
		if (number < 1) {
			throw new IllegalArgumentException("A sequence starts at 1: " + number);
		}
		return new Entry(origin, number, Kind.valueOf(kind), fields.get("data"));
	}

}
