package dev.tidings.items.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The fields a read returns, as a tree: each selected field of a collection, and for
 * relational fields that are expanded, the selection inside the related collection.
 *
 * @param collection the collection this level selects from
 * @param fields the selected fields, each with its nested selection or null when not
 * expanded
 */
public record Selection(CollectionSchema collection, Map<String, @Nullable Selection> fields) {

	/**
	 * Builds the selection for {@code fields} paths ({@code *}, {@code *.*},
	 * {@code author.*}, {@code comments.body}); an empty list means {@code *}. An unknown
	 * field is a 403; a dotted path into a plain field is dropped, as Directus does.
	 */
	public static Selection of(List<String> paths, CollectionSchema collection, SchemaRegistry schemas) {
		Map<String, @Nullable Selection> fields = new LinkedHashMap<>();
		for (String path : paths.isEmpty() ? List.of("*") : paths) {
			add(fields, Arrays.asList(path.trim().split("\\.")), collection, schemas);
		}
		return new Selection(collection, fields);
	}

	private static void add(Map<String, @Nullable Selection> fields, List<String> path, CollectionSchema collection,
			SchemaRegistry schemas) {
		String head = path.get(0);
		List<String> rest = path.subList(1, path.size());
		if (head.equals("*")) {
			for (FieldSchema field : collection.fields().values()) {
				if (field.relation() != null && !rest.isEmpty()) {
					expand(fields, field, rest, schemas);
				}
				else {
					// *.* is every field, with the relational ones expanded (as Directus)
					fields.putIfAbsent(field.name(), null);
				}
			}
			return;
		}
		FieldSchema field = collection.requireField(head);
		if (rest.isEmpty()) {
			fields.putIfAbsent(field.name(), null);
		}
		else if (field.relation() != null) {
			expand(fields, field, rest, schemas);
		}
	}

	private static void expand(Map<String, @Nullable Selection> fields, FieldSchema field, List<String> rest,
			SchemaRegistry schemas) {
		CollectionSchema related = schemas.require(field.relation().relatedCollection());
		Selection nested = fields.get(field.name());
		if (nested == null) {
			nested = new Selection(related, new LinkedHashMap<>());
			fields.put(field.name(), nested);
		}
		add(nested.fields(), rest, related, schemas);
	}

}
