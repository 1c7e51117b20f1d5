package dev.tidings.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies and writes responses with Tidings' own JSON mapper, so a host's
 * Jackson settings never change the wire format. Bodies are read with a size limit before
 * any parsing.
 */
public final class JsonCodec {

	private static final String BODY_ATTRIBUTE = JsonCodec.class.getName() + ".body";

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final long maxPayloadBytes;

	private final QueryParser queries = new QueryParser(this::read);

	public JsonCodec(DataSize maxPayloadSize) {
		this.maxPayloadBytes = maxPayloadSize.toBytes();
	}

	/** Decodes a JSON text into plain Java values; the query parser's port. */
	public @Nullable Object read(String json) {
		try {
			return this.mapper.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Invalid JSON", ex);
		}
	}

	/**
	 * The Directus query in the URL ({@code fields}, {@code filter}, {@code sort}…, in
	 * bracket or JSON form); 400 when malformed.
	 */
	public Query urlQuery(HttpServletRequest request) {
		return this.queries.fromUrl(QueryString.parameters(request));
	}

	/**
	 * The request body as plain Java values; 400 for a missing, oversized or malformed
	 * body. Parsed once per request, so a check and the handler can both look at it.
	 */
	public @Nullable Object body(HttpServletRequest request) {
		if (request.getAttribute(BODY_ATTRIBUTE) instanceof Optional<?> parsed) {
			return parsed.orElse(null);
		}
		Object body = parse(request);
		request.setAttribute(BODY_ATTRIBUTE, Optional.ofNullable(body));
		return body;
	}

	private @Nullable Object parse(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null) {
			MediaType mediaType = mediaType(contentType);
			if (!mediaType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				throw unsupported(mediaType.getType() + "/" + mediaType.getSubtype());
			}
		}
		byte[] bytes = readLimited(request);
		if (bytes.length == 0) {
			throw TidingsException.invalidPayload("A JSON body is required");
		}
		try {
			return this.mapper.readValue(bytes, Object.class);
		}
		catch (JacksonException ex) {
			throw TidingsException.invalidPayload("Malformed JSON: " + ex.getOriginalMessage());
		}
	}

	private static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw unsupported(contentType);
		}
	}

	private static TidingsException unsupported(String type) {
		return new TidingsException(new TidingsError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type \"" + type + "\" in request body.",
				Map.of("mediaType", type, "where", "request body")));
	}

	private byte[] readLimited(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.maxPayloadBytes) {
			throw TidingsException.invalidPayload("request entity too large");
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxPayloadBytes + 1));
			if (bytes.length > this.maxPayloadBytes) {
				throw TidingsException.invalidPayload("request entity too large");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw TidingsException.invalidPayload("The request body could not be read");
		}
	}

	public ResponseEntity<byte[]> ok(@Nullable Object data) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("data", data);
		return json(HttpStatus.OK.value(), body);
	}

	public ResponseEntity<byte[]> json(int status, Object body) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.mapper.writeValueAsBytes(body));
	}

	/**
	 * The Directus error envelope: {@code {"errors":[{"message",
	 * "extensions":{…,"code"}}]}}.
	 */
	public ResponseEntity<byte[]> error(TidingsException exception) {
		List<Map<String, Object>> errors = exception.errors()
			.stream()
			.map((error) -> Map.<String, Object>of("message", error.message(), "extensions", error.wireExtensions()))
			.toList();
		return json(exception.httpStatus(), Map.of("errors", errors));
	}

}
