package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.FieldSchema;

/**
 * The detailed form of a to-many value, {@code {"create":[…], "update":[…],
 * "delete":[keys]}}: it changes only the related items it names and keeps the others.
 *
 * @param create new related items
 * @param update related items, each with its key, to change and keep linked
 * @param delete keys of related items to drop from the relation
 */
record Alterations(List<Map<String, ?>> create, List<Map<String, ?>> update, List<Object> delete) {

	private static final Set<String> PARTS = Set.of("create", "update", "delete");

	/** The detailed form of the field's value, or INVALID_PAYLOAD naming the field. */
	static Alterations of(FieldSchema field, Map<?, ?> raw) {
		for (Object part : raw.keySet()) {
			if (!PARTS.contains(part)) {
				throw invalid(field, "has no part \"" + part + "\"");
			}
		}
		List<Object> delete = new ArrayList<>();
		for (Object key : list(field, raw.get("delete"))) {
			if (key == null || key instanceof Map<?, ?> || key instanceof List<?>) {
				throw invalid(field, "deletes related items by their keys");
			}
			delete.add(key);
		}
		return new Alterations(items(field, raw.get("create")), items(field, raw.get("update")), delete);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, ?>> items(FieldSchema field, Object raw) {
		List<Map<String, ?>> items = new ArrayList<>();
		for (Object item : list(field, raw)) {
			if (!(item instanceof Map<?, ?>)) {
				throw invalid(field, "creates and updates related items given as objects");
			}
			items.add((Map<String, ?>) item);
		}
		return items;
	}

	private static List<?> list(FieldSchema field, Object raw) {
		if (raw == null) {
			return List.of();
		}
		if (!(raw instanceof List<?> list)) {
			throw invalid(field, "takes arrays in \"create\", \"update\" and \"delete\"");
		}
		return list;
	}

	private static TidingsException invalid(FieldSchema field, String detail) {
		return TidingsException.invalidPayload("The detailed form of \"" + field.name() + "\" " + detail);
	}

}
