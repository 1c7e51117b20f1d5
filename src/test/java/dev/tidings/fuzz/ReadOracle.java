package dev.tidings.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one caller may read, learned once per collection with a plain query
 * ({@code ?fields=*&limit=-1}) and forgotten after every successful write: the fields and
 * the keys of the readable rows. An answer passes when every row it returns is one of
 * those rows, shows only those fields, and every related row nested in it passes the
 * related collection's check; aggregates name readable fields, count no more rows than
 * the caller can read, and group by keys, never by rows.
 */
public final class ReadOracle {

	/** Many-to-one and one-to-many relations whose nested rows are checked. */
	private static final Map<String, String> RELATIONS = Map.ofEntries(Map.entry("articles.author", "directus_users"),
			Map.entry("comments.article", "articles"), Map.entry("comments.user", "directus_users"),
			Map.entry("directus_users.role", "directus_roles"), Map.entry("directus_roles.users", "directus_users"),
			Map.entry("directus_roles.parent", "directus_roles"),
			Map.entry("directus_roles.policies", "directus_access"),
			Map.entry("directus_users.policies", "directus_access"),
			Map.entry("directus_access.role", "directus_roles"), Map.entry("directus_access.user", "directus_users"),
			Map.entry("directus_access.policy", "directus_policies"),
			Map.entry("directus_permissions.policy", "directus_policies"),
			Map.entry("directus_policies.permissions", "directus_permissions"),
			Map.entry("directus_policies.roles", "directus_access"));

	private static final Set<String> AGGREGATES = Set.of("count", "countDistinct", "countAll", "sum", "sumDistinct",
			"avg", "avgDistinct", "min", "max");

	/** The REST path that lists a collection. */
	public static final Map<String, String> PATHS = Map.of("articles", "/items/articles", "comments", "/items/comments",
			"directus_users", "/users", "directus_roles", "/roles", "directus_permissions", "/permissions",
			"directus_policies", "/policies", "directus_access", "/access");

	private final Function<String, Object> fetch;

	private final Map<String, Readable> known = new HashMap<>();

	/**
	 * @param fetch GETs a path as the caller: the answer's {@code data}, or null when
	 * refused
	 */
	public ReadOracle(Function<String, Object> fetch) {
		this.fetch = fetch;
	}

	/** Forgets what was learned: rows were written. */
	public void forget() {
		this.known.clear();
	}

	/** What the answer shows that the caller may not read; empty if nothing. */
	public List<String> leaks(String collection, Object data, boolean aggregate) {
		List<String> leaks = new ArrayList<>();
		if (data instanceof List<?> rows) {
			rows.forEach((row) -> check(collection, row, aggregate, leaks));
		}
		else {
			check(collection, data, aggregate, leaks);
		}
		return leaks;
	}

	private void check(String collection, Object row, boolean aggregate, List<String> leaks) {
		if (!(row instanceof Map<?, ?> item)) {
			return;
		}
		Readable readable = readable(collection);
		if (!aggregate && item.containsKey("id") && item.get("id") != null
				&& !readable.ids.contains(String.valueOf(item.get("id")))) {
			leaks.add(collection + " row " + item.get("id") + " is not readable");
		}
		for (Map.Entry<?, ?> entry : item.entrySet()) {
			String key = String.valueOf(entry.getKey());
			Object value = entry.getValue();
			if (aggregate && AGGREGATES.contains(key)) {
				checkAggregate(collection, key, value, readable, leaks);
				continue;
			}
			if (!readable.fields.contains(key)) {
				leaks.add(collection + " field " + key + " is not readable (readable: " + readable.fields + ")");
				continue;
			}
			String related = RELATIONS.get(collection + "." + key);
			boolean nested = value instanceof Map || (value instanceof List<?> list && !list.isEmpty()
					&& list.stream().anyMatch((element) -> element instanceof Map));
			if (nested && aggregate) {
				leaks.add(collection + " groups by the related row " + key + ": " + value);
			}
			else if (nested && related != null) {
				if (value instanceof List<?> list) {
					list.forEach((element) -> check(related, element, false, leaks));
				}
				else {
					check(related, value, false, leaks);
				}
			}
		}
	}

	private void checkAggregate(String collection, String function, Object value, Readable readable,
			List<String> leaks) {
		if (value instanceof Map<?, ?> perField) {
			perField.forEach((field, result) -> {
				if (!"*".equals(field) && !readable.fields.contains(String.valueOf(field))) {
					leaks.add(collection + " " + function + " of unreadable field " + field + " = " + result);
				}
				checkCount(collection, function, result, readable, leaks);
			});
		}
		else {
			checkCount(collection, function, value, readable, leaks);
		}
	}

	private void checkCount(String collection, String function, Object result, Readable readable, List<String> leaks) {
		if (function.startsWith("count") && result != null) {
			try {
				if (Double.parseDouble(String.valueOf(result)) > readable.ids.size()) {
					leaks.add(collection + " " + function + " = " + result + " but only " + readable.ids.size()
							+ " rows are readable");
				}
			}
			catch (NumberFormatException ex) {
				leaks.add(collection + " " + function + " is not a number: " + result);
			}
		}
	}

	private Readable readable(String collection) {
		return this.known.computeIfAbsent(collection, this::learn);
	}

	private Readable learn(String collection) {
		String path = PATHS.get(collection);
		Object data = (path != null) ? this.fetch.apply(path + "?fields=*&limit=-1") : null;
		Set<String> fields = new HashSet<>();
		Set<String> ids = new HashSet<>();
		if (data instanceof List<?> rows) {
			for (Object row : rows) {
				if (row instanceof Map<?, ?> item) {
					item.keySet().forEach((key) -> fields.add(String.valueOf(key)));
					ids.add(String.valueOf(item.get("id")));
				}
			}
		}
		return new Readable(fields, ids);
	}

	private record Readable(Set<String> fields, Set<String> ids) {
	}

}
