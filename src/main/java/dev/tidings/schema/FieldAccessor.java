package dev.tidings.schema;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one persistent attribute of an entity instance, as the JPA provider
 * would.
 */
public interface FieldAccessor {

	@Nullable Object get(Object entity);

	void set(Object entity, @Nullable Object value);

}
