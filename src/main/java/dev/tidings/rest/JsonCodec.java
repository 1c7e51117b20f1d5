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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import dev.tidings.query.InputLimits;
import org.springframework.http.InvalidMediaTypeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies and writes responses with Tidings' own JSON mapper, so a host's
 * Jackson settings never change the wire format. Bodies must say they are JSON and are
 * read with a size limit before any parsing; bodies and JSON query parameters are parsed
 * within the {@link InputLimits}.
 */
public final class JsonCodec {

	private static final String BODY_ATTRIBUTE = JsonCodec.class.getName() + ".body";

	private final JsonMapper mapper;

	private final long maxPayloadBytes;

	private final InputLimits limits;

	private final QueryParser queries;

	public JsonCodec(DataSize maxPayloadSize, InputLimits limits) {
		this.maxPayloadBytes = maxPayloadSize.toBytes();
		this.limits = limits;
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxDocumentLength(this.maxPayloadBytes)
			.maxNestingDepth(limits.maxDepth())
			.maxStringLength(limits.maxStringLength())
			.maxNameLength(limits.maxStringLength())
			.maxNumberLength(limits.maxNumberLength())
			.build();
		this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		this.queries = new QueryParser(this::read, limits);
	}

	/** A parser of clients' queries, within the same limits. */
	QueryParser queries() {
		return this.queries;
	}

	/**
	 * Decodes a JSON text into plain Java values; the query parser's port.
	 * @throws TidingsException {@code INVALID_QUERY} when the text breaks an input limit
	 */
	public @Nullable Object read(String json) {
		Object value;
		try {
			value = this.mapper.readValue(json, Object.class);
		}
		catch (StreamConstraintsException ex) {
			throw TidingsException.invalidQuery(limitBroken(ex));
		}
		catch (NumberFormatException ex) {
			throw TidingsException.invalidQuery(InputLimits.NUMBER_OVERFLOW);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Invalid JSON", ex);
		}
		String violation = this.limits.violation(value);
		if (violation != null) {
			throw TidingsException.invalidQuery(violation);
		}
		return value;
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
		if (request.getContentType() == null && declaredEmpty(request)) {
			// nothing to mistake for JSON: answered as the missing body it is
			throw TidingsException.invalidPayload("A JSON body is required");
		}
		requireJson(request.getContentType());
		byte[] bytes = readLimited(request);
		if (bytes.length == 0) {
			throw TidingsException.invalidPayload("A JSON body is required");
		}
		Object value;
		try {
			value = this.mapper.readValue(bytes, Object.class);
		}
		catch (StreamConstraintsException ex) {
			throw TidingsException.invalidPayload(limitBroken(ex));
		}
		catch (NumberFormatException ex) {
			throw TidingsException.invalidPayload(InputLimits.NUMBER_OVERFLOW);
		}
		catch (JacksonException ex) {
			throw TidingsException.invalidPayload("Malformed JSON: " + ex.getOriginalMessage());
		}
		String violation = this.limits.violation(value);
		if (violation != null) {
			throw TidingsException.invalidPayload(violation);
		}
		return value;
	}

	private static boolean declaredEmpty(HttpServletRequest request) {
		return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	/**
	 * A body is read as JSON only when it says so ({@code application/json} or a
	 * {@code +json} type): a form or text body is never guessed at.
	 */
	private static void requireJson(@Nullable String contentType) {
		MediaType type = null;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (InvalidMediaTypeException ex) {
			// answered as unsupported below
		}
		if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| (type.getType().equals("application") && type.getSubtype().endsWith("+json")))) {
			return;
		}
		String name = (type != null) ? type.getType() + "/" + type.getSubtype() : "none";
		throw new TidingsException(new TidingsError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type \"" + name + "\" in request body.",
				Map.of("mediaType", name, "where", "request body")));
	}

	/** Jackson's account of the broken limit, without its API names. */
	private static String limitBroken(StreamConstraintsException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		int api = message.indexOf(", from `");
		return "Input limit exceeded: " + ((api > 0) ? message.substring(0, api) + ")" : message);
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

	/**
	 * The value as the plain Java values its JSON answer would decode to (maps, lists,
	 * strings, numbers, booleans, null), so exports write exactly what a JSON read
	 * returns.
	 */
	@Nullable Object plain(@Nullable Object value) {
		return this.mapper.readValue(this.mapper.writeValueAsBytes(value), Object.class);
	}

	/** The value as compact JSON text. */
	String text(@Nullable Object value) {
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * The value as JSON indented with tabs and without padding inside empty brackets, the
	 * layout of Directus's JSON export.
	 */
	String indented(@Nullable Object value) {
		Separators separators = Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("");
		DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(tabs)
			.withArrayIndenter(tabs);
		return this.mapper.writer().with(printer).writeValueAsString(value);
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
