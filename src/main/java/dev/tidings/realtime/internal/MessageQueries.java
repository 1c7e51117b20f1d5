package dev.tidings.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.InputLimits;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The {@code query} of a message as a {@link Query}: an object whose values are JSON or
 * the SDK's string encoding, or the whole object as a JSON string; no larger than
 * {@code max-query-size}, measured as the client sent a string or as compact JSON.
 */
final class MessageQueries {

	private final QueryParser parser;

	private final ProtocolCodec codec;

	private final long maxSize;

	/**
	 * @param maxSize the most bytes of a query as JSON; 0 or less for no limit
	 */
	MessageQueries(ProtocolCodec codec, long maxSize, InputLimits limits) {
		this.codec = codec;
		this.maxSize = maxSize;
		this.parser = new QueryParser(codec, limits);
	}

	/**
	 * @throws LimitExceeded when the query takes more bytes than allowed, before any of
	 * it is interpreted
	 */
	@SuppressWarnings("unchecked")
	Query parse(@Nullable Object query) {
		checkSize(query);
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

	private void checkSize(@Nullable Object query) {
		if (this.maxSize <= 0 || query == null) {
			return;
		}
		long size = (query instanceof String text) ? text.getBytes(StandardCharsets.UTF_8).length
				: this.codec.size(query);
		if (size > this.maxSize) {
			throw new LimitExceeded("Query too large: at most " + this.maxSize + " bytes.");
		}
	}

}
