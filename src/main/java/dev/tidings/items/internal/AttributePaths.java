package dev.tidings.items.internal;

import dev.tidings.schema.FieldSchema;
import jakarta.persistence.criteria.Path;

/**
 * The criteria path to a field's value: one step for most fields, more for an attribute
 * of an embedded object ({@code address.street}).
 */
final class AttributePaths {

	private AttributePaths() {
	}

	static Path<?> of(Path<?> from, FieldSchema field) {
		Path<?> path = from;
		for (String attribute : field.attributePath()) {
			path = path.get(attribute);
		}
		return path;
	}

}
