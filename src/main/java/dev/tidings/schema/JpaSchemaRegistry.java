package dev.tidings.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.schema.internal.MetamodelReader;
import jakarta.persistence.EntityManagerFactory;

/**
 * The {@link SchemaRegistry} read once from the JPA metamodel: every entity annotated
 * with {@link ContentCollection} becomes a collection whose fields are named after their
 * columns.
 */
public final class JpaSchemaRegistry implements SchemaRegistry {

	private final Map<String, CollectionSchema> byName = new LinkedHashMap<>();

	private final Map<Class<?>, CollectionSchema> byType = new LinkedHashMap<>();

	private final Map<String, String> unsupported;

	public JpaSchemaRegistry(EntityManagerFactory entityManagerFactory) {
		MetamodelReader.Schema schema = new MetamodelReader(entityManagerFactory).read();
		this.unsupported = Map.copyOf(schema.unsupported());
		for (CollectionSchema collection : schema.collections()) {
			if (this.byName.putIfAbsent(collection.name(), collection) != null) {
				throw new IllegalStateException("Two entities are mapped to the collection " + collection.name());
			}
			this.byType.put(collection.entityType(), collection);
		}
	}

	@Override
	public Optional<CollectionSchema> find(String collection) {
		return Optional.ofNullable(this.byName.get(collection));
	}

	@Override
	public Optional<CollectionSchema> forEntity(Class<?> entityType) {
		for (Class<?> type = entityType; type != null && type != Object.class; type = type.getSuperclass()) {
			CollectionSchema collection = this.byType.get(type);
			if (collection != null) {
				return Optional.of(collection);
			}
		}
		return Optional.empty();
	}

	/**
	 * A collection the host marked but Tidings cannot serve answers why, rather than the
	 * 403 of a collection that does not exist: the host's developer is the one asking.
	 */
	@Override
	public CollectionSchema require(String collection) {
		String reason = this.unsupported.get(collection);
		if (reason != null) {
			throw new TidingsException(
					new TidingsError(ErrorCode.UNPROCESSABLE_CONTENT, reason + ".", Map.of("collection", collection)));
		}
		return SchemaRegistry.super.require(collection);
	}

	@Override
	public Collection<CollectionSchema> collections() {
		return java.util.Collections.unmodifiableCollection(this.byName.values());
	}

}
