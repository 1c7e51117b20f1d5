package dev.tidings.rest;

import dev.tidings.errors.RequestsExceededException;
import dev.tidings.errors.TidingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders every failure of Tidings' own controllers as the Directus error envelope.
 * Scoped to those controllers so a host's error handling stays its own; unexpected
 * failures are logged here and reach the client only as {@code INTERNAL_SERVER_ERROR},
 * with no stack trace or SQL.
 */
@RestControllerAdvice(assignableTypes = { ItemsController.class, SystemCollectionsController.class, MeController.class,
		AuthController.class, ServerController.class, SchemaController.class, FilesController.class,
		AssetsController.class, ActivityController.class, RevertController.class })
public class ErrorResponses {

	private static final Logger logger = LoggerFactory.getLogger(ErrorResponses.class);

	private final JsonCodec json;

	public ErrorResponses(JsonCodec json) {
		this.json = json;
	}

	@ExceptionHandler(TidingsException.class)
	public ResponseEntity<byte[]> tidings(TidingsException exception) {
		return this.json.error(exception);
	}

	/** 429 with {@code Retry-After} in whole seconds, rounded up. */
	@ExceptionHandler(RequestsExceededException.class)
	public ResponseEntity<byte[]> requestsExceeded(RequestsExceededException exception) {
		ResponseEntity<byte[]> answer = this.json.error(exception);
		long seconds = (exception.retryAfter().toMillis() + 999) / 1000;
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(answer.getBody());
	}

	@ExceptionHandler(Exception.class)
	public ResponseEntity<byte[]> unexpected(Exception exception) {
		logger.error("Unexpected failure of a Tidings request", exception);
		return this.json.error(TidingsException.internal());
	}

}
