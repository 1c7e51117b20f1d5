package dev.tidings.query;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a JSON text into plain Java values ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, null). The query module parses JSON-encoded parameters
 * through this port so that it stays free of any JSON library; the adapters supply their
 * mapper.
 */
@FunctionalInterface
public interface JsonReader {

	/**
	 * @throws IllegalArgumentException when the text is not JSON
	 */
	@Nullable Object read(String json);

}
