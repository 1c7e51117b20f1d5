package dev.tidings.items.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
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
	 * {@code author.*}, {@code comments.body}); an empty list means {@code *}. Wildcards
	 * expand to the fields the caller may read. An unknown field, or one named explicitly
	 * that the caller may not read, is a 403, and so is a path into a collection the
	 * caller may not read; a wildcard relation into such a collection stays an unexpanded
	 * key instead. A dotted path into a plain field is dropped, as Directus does.
	 */
	public static Selection of(List<String> paths, CollectionSchema collection, SchemaRegistry schemas,
			CallerPermissions permissions) {
		Map<String, @Nullable Selection> fields = new LinkedHashMap<>();
		Builder builder = new Builder(schemas, permissions);
		for (String path : paths.isEmpty() ? List.of("*") : paths) {
			builder.add(fields, Arrays.asList(path.trim().split("\\.")), collection, false);
		}
		return new Selection(collection, fields);
	}

	private record Builder(SchemaRegistry schemas, CallerPermissions permissions) {

		void add(Map<String, @Nullable Selection> fields, List<String> path, CollectionSchema collection,
				boolean wildcard) {
			CollectionGrants grants = this.permissions.require(collection, Action.READ);
			String head = path.get(0);
			List<String> rest = path.subList(1, path.size());
			if (head.equals("*")) {
				for (FieldSchema field : collection.fields().values()) {
					if (!grants.allows(field.name())) {
						continue;
					}
					if (field.relation() != null && !rest.isEmpty() && readable(field)) {
						expand(fields, field, rest, true);
					}
					else {
						// *.* is every field, with the relational ones expanded (as
						// Directus)
						fields.putIfAbsent(field.name(), null);
					}
				}
				return;
			}
			FieldSchema field = collection.requireField(head);
			if (!grants.allows(head)) {
				throw TidingsException.forbiddenField(head, collection.name());
			}
			if (rest.isEmpty()) {
				fields.putIfAbsent(field.name(), null);
			}
			else if (field.relation() != null) {
				if (wildcard && !readable(field)) {
					fields.putIfAbsent(field.name(), null);
					return;
				}
				expand(fields, field, rest, wildcard);
			}
		}

		private boolean readable(FieldSchema relation) {
			CollectionSchema related = this.schemas.require(relation.relation().relatedCollection());
			return this.permissions.find(related, Action.READ) != null;
		}

		private void expand(Map<String, @Nullable Selection> fields, FieldSchema field, List<String> rest,
				boolean wildcard) {
			CollectionSchema related = this.schemas.require(field.relation().relatedCollection());
			Selection nested = fields.get(field.name());
			if (nested == null) {
				nested = new Selection(related, new LinkedHashMap<>());
				fields.put(field.name(), nested);
			}
			add(nested.fields(), rest, related, wildcard);
		}

	}

}
