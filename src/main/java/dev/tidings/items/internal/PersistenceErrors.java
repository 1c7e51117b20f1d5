package dev.tidings.items.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Maps database failures of a write to Directus error codes by SQLSTATE (the same on H2
 * and PostgreSQL), never by message text. A unique or check violation names its field
 * through the columns of the constraint Hibernate reports ({@link ConstraintColumns});
 * otherwise the field is named only when the payload had exactly one.
 */
final class PersistenceErrors {

	private PersistenceErrors() {
	}

	static RuntimeException translate(RuntimeException failure, CollectionSchema schema, Map<String, ?> payload,
			ConstraintColumns constraints) {
		String state = sqlState(failure);
		if (state == null) {
			return failure;
		}
		String collection = schema.name();
		String field = (payload.size() == 1) ? payload.keySet().iterator().next() : null;
		if (state.equals("23505") || state.equals("23513") || state.equals("23514")) {
			String constrained = constrainedField(schema, payload, constraints.of(constraintName(failure)));
			field = (constrained != null) ? constrained : field;
		}
		Object value = (field != null) ? payload.get(field) : null;
		return switch (state) {
			case "23505" -> error(ErrorCode.RECORD_NOT_UNIQUE, "has to be unique", collection, field, value);
			case "23502" -> error(ErrorCode.NOT_NULL_VIOLATION, "can't be null", collection, field, null);
			case "23503", "23506" ->
				error(ErrorCode.INVALID_FOREIGN_KEY, "is an invalid foreign key", collection, field, value);
			case "22001" -> error(ErrorCode.VALUE_TOO_LONG, "is too long", collection, field, value);
			case "22003" -> error(ErrorCode.VALUE_OUT_OF_RANGE, "is out of range", collection, field, value);
			case "23513", "23514" -> checkFailed(collection, field);
			default -> failure;
		};
	}

	/**
	 * The violations Hibernate's own Bean Validation found at flush, as
	 * {@code FAILED_VALIDATION} errors naming their fields: a fallback, since writes
	 * check the constraints before they flush.
	 */
	static TidingsException violations(CollectionSchema schema, ConstraintViolationException failure) {
		return EntityValidation.violations(schema, failure.getConstraintViolations());
	}

	/**
	 * A database check is a validation the client can fix, so it is worded as one; the
	 * check's expression stays in the database.
	 */
	private static TidingsException checkFailed(String collection, @Nullable String field) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (field != null) {
			extensions.put("field", field);
		}
		extensions.put("type", "check");
		extensions.put("path", List.of());
		String subject = (field != null) ? "field \"" + field + "\"" : "collection \"" + collection + "\"";
		return new TidingsException(new TidingsError(ErrorCode.FAILED_VALIDATION, "Validation failed for " + subject
				+ ". Value breaks a check constraint of collection \"" + collection + "\".", extensions));
	}

	/**
	 * The field of the collection whose column the constraint covers, preferring one the
	 * payload wrote when it covers several.
	 */
	private static @Nullable String constrainedField(CollectionSchema schema, Map<String, ?> payload,
			List<String> columns) {
		String first = null;
		for (FieldSchema field : schema.columns()) {
			if (columns.contains(field.name().toLowerCase(Locale.ROOT))) {
				if (payload.containsKey(field.name())) {
					return field.name();
				}
				first = (first != null) ? first : field.name();
			}
		}
		return first;
	}

	private static @Nullable String constraintName(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
				return violation.getConstraintName();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	static TidingsException error(ErrorCode code, String problem, String collection, @Nullable String field,
			@Nullable Object value) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("collection", collection);
		StringBuilder message = new StringBuilder((value != null) ? "Value \"" + value + "\"" : "Value");
		if (field != null) {
			extensions.put("field", field);
			message.append(" for field \"").append(field).append("\"");
		}
		if (value != null) {
			extensions.put("value", value);
		}
		message.append(" in collection \"").append(collection).append("\" ").append(problem).append(".");
		return new TidingsException(new TidingsError(code, message.toString(), extensions));
	}

	private static @Nullable String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
