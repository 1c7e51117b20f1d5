package dev.tidings.realtime.internal;

import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.InputLimits;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The {@code query} of a message as a {@link Query}: an object whose values are JSON or
 * the SDK's string encoding, or the whole object as a JSON string.
 */
final class MessageQueries {

	private final QueryParser parser;

	private final ProtocolCodec codec;

	MessageQueries(ProtocolCodec codec, InputLimits limits) {
		this.codec = codec;
		this.parser = new QueryParser(codec, limits);
	}

	@SuppressWarnings("unchecked")
	Query parse(@Nullable Object query) {
		Object value = query;
		if (value instanceof String text) {
			if (text.isBlank()) {
				return Query.EMPTY;
			}
			try {
				value = this.codec.read(text);
			}
			catch (TidingsException ex) {
				throw ex;
			}
			catch (IllegalArgumentException ex) {
				throw TidingsException.invalidQuery("Invalid JSON for query object");
			}
		}
		if (value == null) {
			return Query.EMPTY;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw TidingsException.invalidPayload("\"query\" must be an object");
		}
		return this.parser.fromJson((Map<String, ?>) map);
	}

}
