package dev.tidings.realtime.internal;

import java.io.OutputStream;
import java.math.BigDecimal;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.InputLimits;
import dev.tidings.query.JsonReader;
import dev.tidings.schema.Decimals;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Turns frames into {@link ClientMessage}s and {@link ServerMessage}s into frames, with
 * Tidings' own mapper so a host's Jackson settings never change the wire format. Frames
 * are parsed within the {@link InputLimits}. Decoding never throws: a frame is a message,
 * ignored, or an error reply to send.
 */
public final class ProtocolCodec implements JsonReader {

	private final JsonMapper mapper;

	private final InputLimits limits;

	/** A codec with the default limits, for frames of up to 1 MB. */
	public ProtocolCodec() {
		this(InputLimits.DEFAULTS, 1024 * 1024);
	}

	public ProtocolCodec(InputLimits limits, long maxMessageSize) {
		this.limits = limits;
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxDocumentLength(maxMessageSize)
			.maxNestingDepth(limits.maxDepth())
			.maxStringLength(limits.maxStringLength())
			.maxNameLength(limits.maxStringLength())
			.maxNumberLength(limits.maxNumberLength())
			.build();
		this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

	/** What a frame turned out to be. */
	public sealed interface Decoded {

		/** A message for its handler. */
		record Message(ClientMessage message) implements Decoded {
		}

		/** A well-formed message of a type we do not handle (Directus ignores those). */
		record Ignored(String type) implements Decoded {
		}

		/** A frame that is not a valid message; the reply says why. */
		record Invalid(ServerMessage.ErrorReply reply) implements Decoded {
		}

	}

	public Decoded decode(String frame) {
		JsonNode tree;
		try {
			tree = this.mapper.readTree(frame);
		}
		catch (StreamConstraintsException ex) {
			return invalid("server", null, "Invalid payload. " + limitBroken(ex) + ".");
		}
		catch (NumberFormatException ex) {
			return invalid("server", null, "Invalid payload. " + InputLimits.NUMBER_OVERFLOW + ".");
		}
		catch (JacksonException ex) {
			return invalid("server", null, "Unable to parse the incoming message.");
		}
		if (tree == null || !tree.isObject() || tree.get("type") == null || !tree.get("type").isString()) {
			return invalid("server", null, "Invalid payload. \"type\" must be a string.");
		}
		String type = tree.get("type").asString();
		if (!ClientMessage.TYPES.contains(type)) {
			return new Decoded.Ignored(type);
		}
		JsonNode uidNode = tree.get("uid");
		Object uid = null;
		if (uidNode != null && !uidNode.isNull()) {
			if (!uidNode.isString() && !uidNode.isNumber()) {
				return invalid(type, null, "Invalid payload. \"uid\" must be a string or a number.");
			}
			uid = uidNode.isString() ? uidNode.asString() : uidNode.numberValue();
		}
		String violation = violation(tree);
		if (violation != null) {
			// a uid that itself breaks a limit is not echoed: the reply must stay
			// sendable
			boolean uidInBounds = this.limits.violation(uid) == null;
			return invalid(type, uidInBounds ? uid : null, "Invalid payload. " + violation + ".");
		}
		try {
			return new Decoded.Message(this.mapper.treeToValue(tree, ClientMessage.class));
		}
		catch (DatabindException ex) {
			return invalid(type, uid, "Invalid payload. " + reason(ex) + ".");
		}
		catch (JacksonException ex) {
			return invalid(type, uid, "Invalid payload.");
		}
	}

	public String encode(ServerMessage message) {
		return this.mapper.writeValueAsString(message);
	}

	/**
	 * Plain Java values of a JSON text: the query parser's port.
	 * @throws TidingsException {@code INVALID_QUERY} when the text breaks an input limit
	 */
	@Override
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
	 * The first number of the tree beyond the exponent limit; the parser bounded the
	 * rest.
	 */
	private @Nullable String violation(JsonNode node) {
		if (node.isNumber()) {
			return this.limits.violation(node.numberValue());
		}
		if (node.isString()) {
			return InputLimits.textViolation(node.asString());
		}
		for (String name : node.propertyNames()) {
			String violation = InputLimits.textViolation(name);
			if (violation != null) {
				return violation;
			}
		}
		for (JsonNode child : node) {
			String violation = violation(child);
			if (violation != null) {
				return violation;
			}
		}
		return null;
	}

	/** Jackson's account of the broken limit, without its API names. */
	private static String limitBroken(StreamConstraintsException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		int api = message.indexOf(", from `");
		return "Input limit exceeded: " + ((api > 0) ? message.substring(0, api) + ")" : message);
	}

	/** How many bytes the value takes written as compact JSON. */
	public long size(@Nullable Object value) {
		Counter counter = new Counter();
		this.mapper.writeValue(counter, value);
		return counter.count;
	}

	/** The text form of a uid, as Directus stores it ({@code String(uid)}). */
	public static @Nullable String uidText(@Nullable Object uid) {
		if (uid == null) {
			return null;
		}
		if (uid instanceof BigDecimal decimal) {
			// an out-of-range uid is refused at decoding; never write one out in full
			return Decimals.within(decimal, Decimals.EXPONENT_CEILING) ? decimal.stripTrailingZeros().toPlainString()
					: decimal.toString();
		}
		return uid.toString();
	}

	private static String reason(DatabindException ex) {
		String field = ex.getPath()
			.stream()
			.map((reference) -> reference.getPropertyName())
			.filter((name) -> name != null)
			.reduce((first, second) -> second)
			.orElse(null);
		return (field != null) ? "\"" + field + "\" has the wrong type" : "The message has the wrong shape";
	}

	private static final class Counter extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

	private static Decoded invalid(String type, @Nullable Object uid, String message) {
		return new Decoded.Invalid(new ServerMessage.ErrorReply(type, uid, "INVALID_PAYLOAD", message));
	}

}
