package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
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
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Writes items one entity at a time through the entity manager, so that entity listeners
 * see every change. Payloads are validated before anything is written, and the entity's
 * Bean Validation constraints before it is flushed, all problems of an item reported
 * together; database constraint failures surface at the flush and become Directus errors,
 * and the caller's transaction rolls everything back.
 */
public final class ItemWriter {

	private final EntityManager entityManager;

	private final SchemaRegistry schemas;

	private final EntityValidation validation;

	private final ConstraintColumns constraints;

	private final RelationWriter relations;

	public ItemWriter(EntityManager entityManager, SchemaRegistry schemas, EntityValidation validation,
			ConstraintColumns constraints) {
		this.entityManager = entityManager;
		this.schemas = schemas;
		this.validation = validation;
		this.constraints = constraints;
		this.relations = new RelationWriter(entityManager, schemas);
	}

	/** Creates one item and returns its key. */
	public Object create(CollectionSchema collection, Map<String, ?> payload) {
		Object entity = newInstance(collection);
		List<TidingsError> problems = new ArrayList<>();
		for (FieldSchema field : collection.columns()) {
			boolean required = !field.nullable() && !field.hasDefault() && !field.generated() && !field.version();
			if (required && !payload.containsKey(field.name())) {
				problems.add(validation(field, "required", "Value is required."));
			}
		}
		apply(collection, entity, payload, true, problems);
		validate(collection, entity, problems);
		flush(collection, null, payload, () -> this.entityManager.persist(entity));
		if (payload.get(collection.primaryKey()) != null && collection.primaryKeyField().generated()) {
			IdentityCatchUp.after(this.entityManager, collection);
		}
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
		for (FieldSchema field : collection.columns()) {
			if (payload.containsKey(field.name()) && field.version()) {
				Versions.check(collection, key, entity, field, payload.get(field.name()));
			}
		}
		List<TidingsError> problems = new ArrayList<>();
		apply(collection, entity, payload, false, problems);
		validate(collection, entity, problems);
		flush(collection, key, payload, () -> {
		});
		return true;
	}

	/** Deletes the item with the given key; returns false when there is no such item. */
	public boolean delete(CollectionSchema collection, Object key) {
		Object entity = this.entityManager.find(collection.entityType(), key);
		if (entity == null) {
			return false;
		}
		flush(collection, key, Map.of(), () -> this.entityManager.remove(entity));
		return true;
	}

	private void apply(CollectionSchema collection, Object entity, Map<String, ?> payload, boolean creating,
			List<TidingsError> problems) {
		payload.forEach((name, raw) -> {
			FieldSchema field = collection.requireField(name);
			if (!field.isColumn()) {
				writeAlias(collection, entity, field, raw);
				return;
			}
			if (field.primaryKey()) {
				if (creating && field.generated() && raw != null && !keepsGivenKeys(collection)) {
					throw TidingsException.invalidPayload("The primary key \"" + name + "\" is generated");
				}
				if (!creating || raw == null) {
					return;
				}
			}
			if (field.version()) {
				// the provider owns it; an update compared it before anything was applied
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
			field.accessor()
				.set(entity, field.holdsRelatedKey() ? this.relations.find(collection, field, value) : value);
		});
	}

	/**
	 * Fails with the payload's problems and the entity's constraint violations, one error
	 * per field: a field the payload already got wrong is not reported twice.
	 */
	private void validate(CollectionSchema collection, Object entity, List<TidingsError> problems) {
		List<Object> reported = problems.stream().map((problem) -> problem.extensions().get("field")).toList();
		for (TidingsError violation : this.validation.problems(collection, entity)) {
			Object field = violation.extensions().get("field");
			if (field == null || !reported.contains(field)) {
				problems.add(violation);
			}
		}
		if (!problems.isEmpty()) {
			throw new TidingsException(problems);
		}
	}

	/**
	 * An alias takes related keys: one (or null) for the inverse side of a one-to-one, an
	 * array replacing the members of a to-many relation. Related items given as objects
	 * were written before ({@link NestedWrites}) and are keys by now.
	 */
	private void writeAlias(CollectionSchema collection, Object entity, FieldSchema field, @Nullable Object raw) {
		if (field.isValueList()) {
			replaceValues(entity, field, (List<?>) convert(collection, field, (raw != null) ? raw : List.of()));
			return;
		}
		if (field.isToOne()) {
			this.relations.setInverseOne(collection, entity, field, convert(collection, field, raw));
			return;
		}
		if (raw != null && !(raw instanceof List<?>)) {
			throw notMembers(field);
		}
		FieldSchema relatedKey = this.schemas.require(field.relation().relatedCollection()).primaryKeyField();
		List<Object> keys = new ArrayList<>();
		for (Object item : (raw != null) ? (List<?>) raw : List.of()) {
			if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
				throw notMembers(field);
			}
			keys.add(convert(collection, field, relatedKey.codec(), item));
		}
		this.relations.replaceMembers(collection, entity, field, keys);
	}

	static TidingsException notMembers(FieldSchema field) {
		return TidingsException
			.invalidPayload("Value for field \"" + field.name() + "\" has to be an array of related keys or items");
	}

	/**
	 * Replaces an element collection's values in the collection Hibernate tracks, so that
	 * it rewrites the values' table.
	 */
	@SuppressWarnings("unchecked")
	private static void replaceValues(Object entity, FieldSchema field, List<?> values) {
		Collection<Object> current = (Collection<Object>) field.accessor().get(entity);
		if (current == null) {
			field.accessor().set(entity, new ArrayList<>(values));
			return;
		}
		current.clear();
		current.addAll(values);
	}

	private static @Nullable Object convert(CollectionSchema collection, FieldSchema field, @Nullable Object raw) {
		return convert(collection, field, field.codec(), raw);
	}

	private static @Nullable Object convert(CollectionSchema collection, FieldSchema field, FieldCodec codec,
			@Nullable Object raw) {
		try {
			return codec.fromJson(raw);
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
	private void flush(CollectionSchema collection, @Nullable Object key, Map<String, ?> payload, Runnable write) {
		try {
			write.run();
			this.entityManager.flush();
		}
		catch (OptimisticLockException ex) {
			throw Versions.conflict(collection, key, "was changed by another write at the same time");
		}
		catch (EntityExistsException ex) {
			// persist found the given key taken, in the session or the table
			throw PersistenceErrors.error(ErrorCode.RECORD_NOT_UNIQUE, "has to be unique", collection.name(),
					collection.primaryKey(), payload.get(collection.primaryKey()));
		}
		catch (PersistenceException ex) {
			throw PersistenceErrors.translate(ex, collection, payload, this.constraints);
		}
		catch (ConstraintViolationException ex) {
			throw PersistenceErrors.violations(collection, ex);
		}
	}

	/**
	 * Whether the collection's key generator takes a key the client gave
	 * ({@link ClientKeys}); only a primitive generated key does not.
	 */
	private boolean keepsGivenKeys(CollectionSchema collection) {
		return this.entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(collection.entityType())
			.getGenerator()
			.allowAssignedIdentifiers();
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
