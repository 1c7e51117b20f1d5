package dev.tidings.query;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.errors.TidingsException;

/**
 * Splits the comma-separated lists of {@code fields}, {@code groupBy}, {@code sort},
 * {@code meta} and {@code aggregate}. Commas inside parentheses belong to a field
 * function ({@code json(data, a.b)}), so the split counts them, as Directus does.
 */
final class CommaList {

	private CommaList() {
	}

	/**
	 * The trimmed, non-empty entries of the list. Empty entries ({@code a,,b}, a trailing
	 * comma) are dropped: they name nothing.
	 */
	static List<String> split(String input, String parameter) {
		List<String> entries = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (c == '(') {
				depth++;
				if (depth > 1) {
					throw TidingsException.invalidQuery("Nested functions are not supported in \"" + parameter + "\"");
				}
			}
			else if (c == ')') {
				depth--;
			}
			if (c == ',' && depth == 0) {
				add(entries, current);
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		if (depth != 0) {
			throw TidingsException.invalidQuery("Missing closing parenthesis in \"" + parameter + "\"");
		}
		add(entries, current);
		return entries;
	}

	private static void add(List<String> entries, CharSequence entry) {
		String trimmed = entry.toString().trim();
		if (!trimmed.isEmpty()) {
			entries.add(trimmed);
		}
	}

}
