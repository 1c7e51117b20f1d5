package dev.tidings.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * Shape checks of request bodies, each failing with {@code INVALID_PAYLOAD}.
 */
final class Payloads {

	private Payloads() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(@Nullable Object value, String what) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw TidingsException.invalidPayload(what + " must be an object");
	}

	static List<Map<String, Object>> objects(List<?> values) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object value : values) {
			objects.add(object(value, "Every item"));
		}
		return objects;
	}

	static List<Object> keys(@Nullable Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw TidingsException.invalidPayload("\"keys\" must be a non-empty array");
		}
		for (Object key : list) {
			if (!(key instanceof String) && !(key instanceof Number)) {
				throw TidingsException.invalidPayload("\"keys\" must contain only strings and numbers");
			}
		}
		return List.copyOf(list);
	}

	/**
	 * True for a body addressing items by {@code keys}, false for one with a
	 * {@code query}.
	 */
	static boolean keysOrQuery(Map<String, Object> batch) {
		boolean keys = batch.containsKey("keys");
		boolean query = batch.containsKey("query");
		if (keys == query) {
			throw TidingsException.invalidPayload("Exactly one of \"keys\" or \"query\" is required");
		}
		return keys;
	}

}
