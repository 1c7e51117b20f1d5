package dev.tidings.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.tidings.errors.TidingsException;

/**
 * All content collections of the application, by name and by entity type.
 */
public interface SchemaRegistry {

	Optional<CollectionSchema> find(String collection);

	Optional<CollectionSchema> forEntity(Class<?> entityType);

	Collection<CollectionSchema> collections();

	/**
	 * Every collection a row of this entity type belongs to: its own, then those of the
	 * entity classes it extends (a librarian is a member of staff too), most specific
	 * first.
	 */
	default List<CollectionSchema> collectionsOf(Class<?> entityType) {
		List<CollectionSchema> found = new ArrayList<>();
		Optional<CollectionSchema> next = forEntity(entityType);
		while (next.isPresent()) {
			found.add(next.get());
			next = forEntity(next.get().entityType().getSuperclass());
		}
		return found;
	}

	/**
	 * The collection, or the 403 Directus gives for unknown collections (never a 404).
	 */
	default CollectionSchema require(String collection) {
		return find(collection).orElseThrow(() -> TidingsException.forbiddenCollection(collection));
	}

}
