package dev.tidings.rest;

import java.lang.reflect.Field;
import java.util.List;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.Relation;
import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import org.jspecify.annotations.Nullable;

/**
 * Whether a column accepts each value once: a key, the key of a one-to-one, or a column
 * its mapping declares unique ({@code @Column(unique = true)},
 * {@code @JoinColumn(unique = true)}). Constraints declared on the table are not seen.
 */
final class ColumnUniqueness {

	private ColumnUniqueness() {
	}

	static boolean of(CollectionSchema collection, FieldSchema field) {
		Relation relation = field.relation();
		if (field.primaryKey() || (relation != null && relation.kind() == Relation.Kind.ONE_TO_ONE)) {
			return true;
		}
		Field member = member(collection.entityType(), field.attributePath());
		if (member == null) {
			return false;
		}
		Column column = member.getAnnotation(Column.class);
		JoinColumn join = member.getAnnotation(JoinColumn.class);
		return (column != null && column.unique()) || (join != null && join.unique());
	}

	/** The Java field at the end of an attribute path, through embedded objects. */
	private static @Nullable Field member(Class<?> type, List<String> path) {
		Field found = null;
		Class<?> owner = type;
		for (String attribute : path) {
			found = declared(owner, attribute);
			if (found == null) {
				return null;
			}
			owner = found.getType();
		}
		return found;
	}

	private static @Nullable Field declared(Class<?> type, String name) {
		for (Class<?> owner = type; owner != null && owner != Object.class; owner = owner.getSuperclass()) {
			for (Field field : owner.getDeclaredFields()) {
				if (field.getName().equals(name)) {
					return field;
				}
			}
		}
		return null;
	}

}
