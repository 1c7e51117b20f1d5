package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.jspecify.annotations.Nullable;

/**
 * Writes items one entity at a time through the entity manager, so that entity listeners
 * see every change. Payloads are validated before anything is written; database
 * constraint failures surface at the flush and become Directus errors, and the caller's
 * transaction rolls everything back.
 */
public final class ItemWriter {

	private final EntityManager entityManager;

	private final SchemaRegistry schemas;

	public ItemWriter(EntityManager entityManager, SchemaRegistry schemas) {
		this.entityManager = entityManager;
		this.schemas = schemas;
	}

	/** Creates one item and returns its key. */
	public Object create(CollectionSchema collection, Map<String, ?> payload) {
		Object entity = newInstance(collection);
		List<TidingsError> problems = new ArrayList<>();
		for (FieldSchema field : collection.columns()) {
			boolean required = !field.nullable() && !field.hasDefault() && !field.generated();
			if (required && !payload.containsKey(field.name())) {
				problems.add(validation(field, "required", "Value is required."));
			}
		}
		apply(collection, entity, payload, true, problems);
		flush(collection, payload, () -> this.entityManager.persist(entity));
		return this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
	}

	/**
	 * Applies a partial payload to the item with the given key. Returns false when there
	 * is no such item.
	 */
	public boolean update(CollectionSchema collection, Object key, Map<String, ?> payload) {
		Object entity = this.entityManager.find(collection.entityType(), key);
		if (entity == null) {
			return false;
		}
		Object payloadKey = payload.get(collection.primaryKey());
		if (payloadKey != null && !key.equals(convert(collection, collection.primaryKeyField(), payloadKey))) {
			throw TidingsException.invalidPayload("The primary key of an item can't be changed");
		}
		List<TidingsError> problems = new ArrayList<>();
		apply(collection, entity, payload, false, problems);
		flush(collection, payload, () -> {
		});
		return true;
	}

	/** Deletes the item with the given key; returns false when there is no such item. */
	public boolean delete(CollectionSchema collection, Object key) {
		Object entity = this.entityManager.find(collection.entityType(), key);
		if (entity == null) {
			return false;
		}
		flush(collection, Map.of(), () -> this.entityManager.remove(entity));
		return true;
	}

	private void apply(CollectionSchema collection, Object entity, Map<String, ?> payload, boolean creating,
			List<TidingsError> problems) {
		payload.forEach((name, raw) -> {
			FieldSchema field = collection.requireField(name);
			if (field.isOneToMany()) {
				throw TidingsException.invalidPayload("Nested writes to \"" + name + "\" are not supported");
			}
			if (field.primaryKey()) {
				if (creating && field.generated() && raw != null) {
					throw TidingsException.invalidPayload("The primary key \"" + name + "\" is generated");
				}
				if (!creating || raw == null) {
					return;
				}
			}
			if (field.version()) {
				// the provider counts versions; a client's only says which one it read
				if (!creating && raw != null
						&& !Objects.equals(convert(collection, field, raw), field.accessor().get(entity))) {
					throw conflict(collection, entity);
				}
				return;
			}
			if (raw == null && !field.nullable()) {
				problems.add(validation(field, "nnull", "Value can't be null."));
				return;
			}
			Object value = convert(collection, field, raw);
			// UTF-16 units, the stricter of the databases' measures, so every database
			// agrees
			if (value instanceof String text && field.maxLength() != null && text.length() > field.maxLength()) {
				throw PersistenceErrors.error(ErrorCode.VALUE_TOO_LONG, "is too long", collection.name(), name, text);
			}
			field.accessor().set(entity, field.isManyToOne() ? related(collection, field, value) : value);
		});
		if (!problems.isEmpty()) {
			throw new TidingsException(problems);
		}
	}

	private @Nullable Object related(CollectionSchema collection, FieldSchema field, @Nullable Object key) {
		if (key == null) {
			return null;
		}
		Object related = this.entityManager
			.find(this.schemas.require(field.relation().relatedCollection()).entityType(), key);
		if (related == null) {
			throw PersistenceErrors.error(ErrorCode.INVALID_FOREIGN_KEY, "is an invalid foreign key", collection.name(),
					field.name(), key);
		}
		return related;
	}

	private static @Nullable Object convert(CollectionSchema collection, FieldSchema field, @Nullable Object raw) {
		try {
			return field.codec().fromJson(raw);
		}
		catch (ArithmeticException ex) {
			throw PersistenceErrors.error(ErrorCode.VALUE_OUT_OF_RANGE, "is out of range", collection.name(),
					field.name(), raw);
		}
		catch (FieldCodec.NotAChoice ex) {
			throw new TidingsException(new TidingsError(ErrorCode.FAILED_VALIDATION,
					"Validation failed for field \"" + field.name() + "\". Value has to be one of "
							+ String.join(", ", ex.choices()) + ".",
					Map.of("field", field.name(), "path", List.of(), "type", "in", "valid", ex.choices())));
		}
		catch (IllegalArgumentException ex) {
			throw TidingsException.invalidPayload("Value for field \"" + field.name() + "\" " + ex.getMessage());
		}
	}

	/**
	 * Runs the write and flushes it, so that constraint failures surface here and are
	 * translated.
	 */
	private void flush(CollectionSchema collection, Map<String, ?> payload, Runnable write) {
		try {
			write.run();
			this.entityManager.flush();
		}
		catch (OptimisticLockException ex) {
			throw conflict(collection, ex.getEntity());
		}
		catch (PersistenceException ex) {
			throw PersistenceErrors.translate(ex, collection.name(), payload);
		}
	}

	/** A 409 naming the item another write changed since this one read it. */
	private TidingsException conflict(CollectionSchema collection, @Nullable Object entity) {
		Object key = (entity != null)
				? collection.primaryKeyField()
					.codec()
					.toJson(this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity))
				: null;
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("collection", collection.name());
		extensions.put("key", key);
		return new TidingsException(new TidingsError(ErrorCode.CONFLICT, "Item \"" + key + "\" of \""
				+ collection.name() + "\" was changed by another request: read it again and retry.", extensions));
	}

	private static TidingsError validation(FieldSchema field, String type, String detail) {
		return new TidingsError(ErrorCode.FAILED_VALIDATION,
				"Validation failed for field \"" + field.name() + "\". " + detail,
				Map.of("field", field.name(), "path", List.of(), "type", type));
	}

	private static Object newInstance(CollectionSchema collection) {
		try {
			var constructor = collection.entityType().getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot instantiate " + collection.entityType(), ex);
		}
	}

}
