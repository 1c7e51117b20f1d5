package dev.tidings.items.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * Maps database failures of a write to Directus error codes by SQLSTATE (the same on H2
 * and PostgreSQL), never by message text. The field is named only when the payload had
 * exactly one, because a constraint name does not reliably say which column failed.
 */
final class PersistenceErrors {

	private PersistenceErrors() {
	}

	static RuntimeException translate(RuntimeException failure, String collection, Map<String, ?> payload) {
		String state = sqlState(failure);
		if (state == null) {
			return failure;
		}
		String field = (payload.size() == 1) ? payload.keySet().iterator().next() : null;
		Object value = (field != null) ? payload.get(field) : null;
		return switch (state) {
			case "23505" -> error(ErrorCode.RECORD_NOT_UNIQUE, "has to be unique", collection, field, value);
			case "23502" -> error(ErrorCode.NOT_NULL_VIOLATION, "can't be null", collection, field, null);
			case "23503", "23506" ->
				error(ErrorCode.INVALID_FOREIGN_KEY, "is an invalid foreign key", collection, field, value);
			case "22001" -> error(ErrorCode.VALUE_TOO_LONG, "is too long", collection, field, value);
			case "22003" -> error(ErrorCode.VALUE_OUT_OF_RANGE, "is out of range", collection, field, value);
			case "23513", "23514" -> TidingsException
				.invalidPayload("A value breaks a check constraint of collection \"" + collection + "\"");
			default -> failure;
		};
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
