package dev.tidings.errors;

/**
 * The error codes of the Directus wire format, each with the HTTP status Directus answers
 * with.
 */
public enum ErrorCode {

	FORBIDDEN(403), INVALID_CREDENTIALS(401), INVALID_TOKEN(403), TOKEN_EXPIRED(401), USER_SUSPENDED(401),
	INVALID_PAYLOAD(400), INVALID_QUERY(400), INVALID_PATH_PARAMETER(400), FAILED_VALIDATION(400),
	RECORD_NOT_UNIQUE(400), NOT_NULL_VIOLATION(400), VALUE_TOO_LONG(400), VALUE_OUT_OF_RANGE(400),
	INVALID_FOREIGN_KEY(400), ROUTE_NOT_FOUND(404), METHOD_NOT_ALLOWED(405), CONTENT_TOO_LARGE(413),
	UNSUPPORTED_MEDIA_TYPE(415), UNPROCESSABLE_CONTENT(422), REQUESTS_EXCEEDED(429), INTERNAL_SERVER_ERROR(500),
	SERVICE_UNAVAILABLE(503), ILLEGAL_ASSET_TRANSFORMATION(400),
	/**
	 * Not Directus's (it has no optimistic locking): an update or delete of an item whose
	 * {@code @Version} moved on since the client read it, or that collided with another
	 * write.
	 */
	CONFLICT(409);

	private final int httpStatus;

	ErrorCode(int httpStatus) {
		this.httpStatus = httpStatus;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

}
