package dev.tidings.security.internal;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;

import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import io.jsonwebtoken.io.Deserializer;
import io.jsonwebtoken.io.Serializer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * jjwt's JSON port over Jackson 3. jjwt's own {@code jjwt-jackson} binds Jackson 2, which
 * would put a second Jackson on every host's classpath; its other bindings (Gson,
 * org.json) would add a JSON library of their own. Duplicate keys are rejected, so a
 * token cannot say one thing to us and another to a different parser.
 */
public final class JwtJson {

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final TypeReference<Map<String, ?>> MAP = new TypeReference<>() {
	};

	private JwtJson() {
	}

	public static Serializer<Map<String, ?>> serializer() {
		return new AbstractSerializer<>() {
			@Override
			protected void doSerialize(Map<String, ?> value, OutputStream out) {
				mapper.writeValue(out, value);
			}
		};
	}

	public static Deserializer<Map<String, ?>> deserializer() {
		return new AbstractDeserializer<>() {
			@Override
			protected Map<String, ?> doDeserialize(Reader reader) {
				return mapper.readValue(reader, MAP);
			}
		};
	}

	/** The JSON text of a value, for a token payload built by hand. */
	public static byte[] write(Object value) {
		return mapper.writeValueAsBytes(value);
	}

	/** A JSON object, or an exception of Jackson's when the bytes are not one. */
	public static Map<String, ?> readObject(byte[] json) {
		return mapper.readValue(json, MAP);
	}

}
