package dev.tidings.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns raw URL parameters into the nested structure the {@code qs} library builds for
 * Directus, so that both the URL and the JSON form go through one sanitiser:
 * {@code filter[_or][0][views][_gt]=1} becomes {@code {filter: {_or: [{views: {_gt:
 * "1"}}]}}}. Values stay strings; the filter parser coerces them later.
 */
final class UrlParameters {

	private UrlParameters() {
	}

	static Map<String, Object> decode(Map<String, List<String>> params) {
		Map<String, Object> root = new LinkedHashMap<>();
		params.forEach((key, values) -> {
			List<String> path = path(key);
			for (String value : values) {
				insert(root, path, 0, (value != null) ? value : "");
			}
		});
		// Only values become lists: the root stays the parameter map even for "0=x".
		Map<String, Object> decoded = new LinkedHashMap<>();
		root.forEach((name, value) -> decoded.put(name, listify(value)));
		return decoded;
	}

	/**
	 * The segments of a key: {@code a[b][]} is {@code [a, b, ""]}, an empty segment
	 * meaning "append". A key with unbalanced brackets is taken literally, as a name no
	 * parameter has.
	 */
	static List<String> path(String key) {
		int open = key.indexOf('[');
		if (open <= 0) {
			return List.of(key);
		}
		List<String> path = new ArrayList<>();
		path.add(key.substring(0, open));
		int i = open;
		while (i < key.length()) {
			int close = key.indexOf(']', i);
			if (key.charAt(i) != '[' || close < 0) {
				return List.of(key);
			}
			path.add(key.substring(i + 1, close));
			i = close + 1;
		}
		return path;
	}

	@SuppressWarnings("unchecked")
	private static void insert(Map<String, Object> node, List<String> path, int index, String value) {
		String segment = path.get(index).isEmpty() ? nextIndex(node) : path.get(index);
		Object existing = node.get(segment);
		if (index == path.size() - 1) {
			if (existing == null) {
				node.put(segment, value);
			}
			else if (existing instanceof Map<?, ?> map) {
				((Map<String, Object>) map).put(nextIndex((Map<String, Object>) map), value);
			}
			else {
				// A repeated plain parameter (fields=a&fields=b) is a list, as qs makes
				// it.
				Map<String, Object> list = new LinkedHashMap<>();
				list.put("0", existing);
				list.put("1", value);
				node.put(segment, list);
			}
			return;
		}
		Map<String, Object> child;
		if (existing instanceof Map<?, ?> map) {
			child = (Map<String, Object>) map;
		}
		else {
			child = new LinkedHashMap<>();
			if (existing != null) {
				child.put("0", existing);
			}
			node.put(segment, child);
		}
		insert(child, path, index + 1, value);
	}

	private static String nextIndex(Map<String, Object> node) {
		int next = 0;
		for (String key : node.keySet()) {
			if (isIndex(key)) {
				next = Math.max(next, Integer.parseInt(key) + 1);
			}
		}
		return Integer.toString(next);
	}

	/**
	 * Maps whose keys are all indices become lists in index order, gaps closed, as qs
	 * does for {@code a[0]=x&a[2]=y}.
	 */
	private static Object listify(Object node) {
		if (!(node instanceof Map<?, ?> map)) {
			return node;
		}
		boolean indices = !map.isEmpty();
		Map<String, Object> result = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = (String) entry.getKey();
			indices &= isIndex(key);
			result.put(key, listify(entry.getValue()));
		}
		if (!indices) {
			return result;
		}
		Map<Integer, Object> ordered = new TreeMap<>();
		result.forEach((key, value) -> ordered.put(Integer.parseInt(key), value));
		return new ArrayList<>(ordered.values());
	}

	private static boolean isIndex(String key) {
		if (key.isEmpty() || key.length() > 9) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
