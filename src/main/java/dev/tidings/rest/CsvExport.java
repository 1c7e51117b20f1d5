package dev.tidings.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Items as CSV the way Directus exports them: nested objects are flattened into
 * {@code author.email} columns, arrays (to-many relations) stay one cell holding their
 * JSON text, the header is the union of every row's columns in first-seen order, every
 * text cell is quoted (a quote doubled, as RFC 4180 wants), null is an empty cell and
 * rows end with a line feed between them. No rows is an empty file.
 */
final class CsvExport {

	private final Function<@Nullable Object, String> jsonText;

	/** {@code jsonText} writes a list or an empty object as JSON. */
	CsvExport(Function<@Nullable Object, String> jsonText) {
		this.jsonText = jsonText;
	}

	/** {@code data} is one item or a list of them, each a map of its fields. */
	String write(@Nullable Object data) {
		List<?> items = (data instanceof List<?> list) ? list : List.of(data);
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		Set<String> columns = new LinkedHashSet<>();
		for (Object item : items) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			flatten((Map<?, ?>) item, "", row);
			columns.addAll(row.keySet());
			rows.add(row);
		}
		if (rows.isEmpty()) {
			return "";
		}
		StringBuilder csv = new StringBuilder();
		csv.append(String.join(",", columns.stream().map(CsvExport::quoted).toList()));
		for (Map<String, @Nullable Object> row : rows) {
			csv.append('\n');
			csv.append(String.join(",", columns.stream().map((column) -> cell(row.get(column))).toList()));
		}
		return csv.toString();
	}

	/**
	 * A non-empty object becomes dotted columns; an empty one stays a single cell,
	 * {@code {}}, as Directus's flattening leaves it.
	 */
	private static void flatten(Map<?, ?> item, String prefix, Map<String, @Nullable Object> row) {
		item.forEach((key, value) -> {
			String column = prefix + key;
			if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
				flatten(nested, column + ".", row);
			}
			else {
				row.put(column, value);
			}
		});
	}

	private String cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return this.jsonText.apply(value);
		}
		if (value instanceof String text) {
			return quoted(text);
		}
		return quoted(this.jsonText.apply(value));
	}

	private static String quoted(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
