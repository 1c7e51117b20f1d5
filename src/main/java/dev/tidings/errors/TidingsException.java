package dev.tidings.errors;

import java.util.List;
import java.util.Map;

/**
 * A failure the client is told about, carrying one or more Directus errors that share a
 * status. Every module throws this (through the factories below) rather than its own
 * exception types, so the REST and WebSocket adapters render every failure the same way.
 */
public class TidingsException extends RuntimeException {

	private final List<TidingsError> errors;

	public TidingsException(List<TidingsError> errors) {
		super(errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public TidingsException(TidingsError error) {
		this(List.of(error));
	}

	public TidingsException(ErrorCode code, String message) {
		this(new TidingsError(code, message));
	}

	public List<TidingsError> errors() {
		return this.errors;
	}

	public ErrorCode code() {
		return this.errors.get(0).code();
	}

	/**
	 * The HTTP status shared by all errors, or 500 when they differ, as Directus does.
	 */
	public int httpStatus() {
		int status = this.errors.get(0).code().httpStatus();
		for (TidingsError error : this.errors) {
			if (error.code().httpStatus() != status) {
				return 500;
			}
		}
		return status;
	}

	public static TidingsException invalidQuery(String reason) {
		return withReason(ErrorCode.INVALID_QUERY, "Invalid query", reason);
	}

	public static TidingsException invalidPayload(String reason) {
		return withReason(ErrorCode.INVALID_PAYLOAD, "Invalid payload", reason);
	}

	/**
	 * The generic 403 for a missing or unreadable item: deliberately says nothing more.
	 */
	public static TidingsException forbidden() {
		return new TidingsException(ErrorCode.FORBIDDEN, "You don't have permission to access this.");
	}

	public static TidingsException forbiddenCollection(String collection) {
		return forbiddenReason("You don't have permission to access collection \"" + collection
				+ "\" or it does not exist. Queried in root.");
	}

	public static TidingsException forbiddenField(String field, String collection) {
		return forbiddenReason("You don't have permission to access field \"" + field + "\" in collection \""
				+ collection + "\" or it does not exist. Queried in root.");
	}

	public static TidingsException forbiddenAction(String action, String collection) {
		return forbiddenReason("You don't have permission to perform \"" + action + "\" for collection \"" + collection
				+ "\" or it does not exist.");
	}

	public static TidingsException routeNotFound(String path) {
		return new TidingsException(
				new TidingsError(ErrorCode.ROUTE_NOT_FOUND, "Route " + path + " doesn't exist.", Map.of("path", path)));
	}

	public static TidingsException internal() {
		return new TidingsException(ErrorCode.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
	}

	private static TidingsException forbiddenReason(String reason) {
		return new TidingsException(new TidingsError(ErrorCode.FORBIDDEN, reason, Map.of("reason", reason)));
	}

	private static TidingsException withReason(ErrorCode code, String prefix, String reason) {
		String trimmed = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
		return new TidingsException(new TidingsError(code, prefix + ". " + trimmed + ".", Map.of("reason", trimmed)));
	}

}
