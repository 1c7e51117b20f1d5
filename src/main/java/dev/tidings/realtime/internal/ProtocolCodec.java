package dev.tidings.realtime.internal;

import java.io.OutputStream;
import java.math.BigDecimal;

import dev.tidings.query.JsonReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
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
 * Tidings' own mapper so a host's Jackson settings never change the wire format. Decoding
 * never throws: a frame is a message, ignored, or an error reply to send.
 */
public final class ProtocolCodec implements JsonReader {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.build();

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

	/** Plain Java values of a JSON text: the query parser's port. */
	@Override
	public @Nullable Object read(String json) {
		try {
			return this.mapper.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Invalid JSON", ex);
		}
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
			return decimal.stripTrailingZeros().toPlainString();
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
