package dev.tidings.schema;

import java.util.Collection;
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
	 * The collection, or the 403 Directus gives for unknown collections (never a 404).
	 */
	default CollectionSchema require(String collection) {
		return find(collection).orElseThrow(() -> TidingsException.forbiddenCollection(collection));
	}

}
