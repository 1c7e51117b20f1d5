package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import jakarta.validation.ConstraintViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;

/**
 * Checks an entity's Bean Validation constraints with the host's Spring {@link Validator}
 * before it is flushed, and words every violation as Directus does: one
 * {@code FAILED_VALIDATION} per violation, naming the API field (the column name, not the
 * Java attribute) and the constraint ({@code NotBlank}, {@code Pattern}). The whole
 * entity is checked, not only the fields a payload touches: Hibernate checks the whole
 * entity at flush too, so a row that is already invalid cannot be saved until the payload
 * fixes it, and the answer says which field to fix.
 */
public final class EntityValidation {

	private final Validator validator;

	public EntityValidation(Validator validator) {
		this.validator = validator;
	}

	/** The violations of the entity, in the validator's order. */
	List<TidingsError> problems(CollectionSchema collection, Object entity) {
		Errors errors = this.validator.validateObject(entity);
		List<TidingsError> problems = new ArrayList<>();
		for (ObjectError error : errors.getAllErrors()) {
			String path = (error instanceof FieldError field) ? field.getField() : null;
			problems.add(error(collection, path, String.valueOf(error.getCode()), error.getDefaultMessage()));
		}
		return problems;
	}

	/**
	 * The violations Hibernate's own validation found at flush (a value a listener set
	 * after the check before flush, or a validator of its own), worded the same way.
	 */
	static TidingsException violations(CollectionSchema collection, Set<? extends ConstraintViolation<?>> violations) {
		List<TidingsError> problems = new ArrayList<>();
		for (ConstraintViolation<?> violation : violations) {
			String path = violation.getPropertyPath().toString();
			problems.add(error(collection, path.isEmpty() ? null : path,
					violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
					violation.getMessage()));
		}
		return new TidingsException(problems);
	}

	private static TidingsError error(CollectionSchema collection, @Nullable String path, String constraint,
			@Nullable String detail) {
		String field = (path != null) ? fieldName(collection, path) : null;
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (field != null) {
			extensions.put("field", field);
		}
		extensions.put("type", constraint);
		extensions.put("path", List.of());
		String subject = (field != null) ? "field \"" + field + "\"" : "collection \"" + collection.name() + "\"";
		String reason = (detail != null && !detail.isBlank()) ? "Value " + detail + "." : "Value is invalid.";
		return new TidingsError(ErrorCode.FAILED_VALIDATION, "Validation failed for " + subject + ". " + reason,
				extensions);
	}

	/**
	 * The API field of a property path: the field of that attribute, or of the path's
	 * first step (an embedded value's attribute, {@code address.city}).
	 */
	private static String fieldName(CollectionSchema collection, String path) {
		String head = path.split("[.\\[]", 2)[0];
		String name = null;
		for (FieldSchema field : collection.fields().values()) {
			if (field.attribute().equals(path)) {
				return field.name();
			}
			if (name == null && field.attribute().equals(head)) {
				name = field.name();
			}
		}
		return (name != null) ? name : path;
	}

}
