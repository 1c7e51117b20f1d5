package dev.tidings.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Items as YAML in block style, laid out as Directus's export: two spaces per level,
 * lists of a field indented under it. A text stays a plain scalar only when it cannot be
 * read back as anything else (a number, a boolean, null, a date, a key); otherwise it is
 * single-quoted, or double-quoted with JSON escapes when it holds control characters such
 * as line breaks.
 */
final class YamlExport {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_ .@/()+-]*");

	private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final Function<@Nullable Object, String> jsonText;

	/** {@code jsonText} writes numbers and escaped strings as JSON. */
	YamlExport(Function<@Nullable Object, String> jsonText) {
		this.jsonText = jsonText;
	}

	String write(@Nullable Object data) {
		if (isBlock(data)) {
			StringBuilder yaml = new StringBuilder();
			block(data, 0, yaml);
			return yaml.toString();
		}
		return scalar(data) + "\n";
	}

	private static boolean isBlock(@Nullable Object value) {
		return (value instanceof Map<?, ?> map && !map.isEmpty()) || (value instanceof List<?> list && !list.isEmpty());
	}

	/** A non-empty map or list, each line indented by {@code indent} spaces. */
	private void block(@Nullable Object value, int indent, StringBuilder yaml) {
		String pad = " ".repeat(indent);
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> {
				yaml.append(pad).append(scalar(String.valueOf(key))).append(':');
				if (isBlock(child)) {
					yaml.append('\n');
					block(child, indent + 2, yaml);
				}
				else {
					yaml.append(' ').append(scalar(child)).append('\n');
				}
			});
			return;
		}
		for (Object entry : (List<?>) value) {
			if (isBlock(entry)) {
				// the entry's first line carries the dash in place of its indentation
				StringBuilder nested = new StringBuilder();
				block(entry, indent + 2, nested);
				yaml.append(pad).append("- ").append(nested, indent + 2, nested.length());
			}
			else {
				yaml.append(pad).append("- ").append(scalar(entry)).append('\n');
			}
		}
	}

	private String scalar(@Nullable Object value) {
		if (value instanceof Map<?, ?>) {
			return "{}";
		}
		if (value instanceof List<?>) {
			return "[]";
		}
		if (!(value instanceof String text)) {
			return (value == null) ? "null" : this.jsonText.apply(value);
		}
		if (PLAIN.matcher(text).matches() && !text.endsWith(" ") && !RESERVED.contains(text.toLowerCase())) {
			return text;
		}
		if (CONTROL.matcher(text).find()) {
			return this.jsonText.apply(text);
		}
		return "'" + text.replace("'", "''") + "'";
	}

}
