package dev.tidings.items;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a read: the items (or aggregate rows) and the counts asked for with
 * {@code meta}.
 *
 * @param data the JSON-ready rows
 * @param meta {@code total_count} and {@code filter_count} when requested, else empty
 */
public record ReadResult(List<Map<String, @Nullable Object>> data, Map<String, Long> meta) {

	public ReadResult {
		data = List.copyOf(data);
		meta = Map.copyOf(meta);
	}

}
