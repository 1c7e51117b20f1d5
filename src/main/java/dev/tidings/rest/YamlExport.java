package dev.tidings.rest;

import java.util.List;
import java.util.Map;
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

	/** Characters that give a scalar another meaning when they come first. */
	private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

	/** Texts YAML 1.1 or 1.2 reads as null, a boolean or a merge key. */
	private static final Pattern RESERVED = Pattern.compile(
			"<<|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");

	private static final Pattern NUMBER = Pattern.compile("[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+"
			+ "|([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9_]+)([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))|\\.(nan|NaN|NAN)");

	private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"
			+ "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
			+ "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0080-\\u009F\\u2028\\u2029\\uFEFF]");

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
		if (CONTROL.matcher(text).find()) {
			return this.jsonText.apply(text);
		}
		return plain(text) ? text : "'" + text.replace("'", "''") + "'";
	}

	/**
	 * Whether the text reads back as itself unquoted: no indicator first, no blank or
	 * colon last, no {@code ": "} or {@code " #"} inside, and not a null, boolean, number
	 * or date.
	 */
	private static boolean plain(String text) {
		if (text.isEmpty() || INDICATORS.indexOf(text.charAt(0)) >= 0 || text.charAt(0) == ' ') {
			return false;
		}
		char last = text.charAt(text.length() - 1);
		if (last == ' ' || last == ':' || text.contains(": ") || text.contains(" #")) {
			return false;
		}
		return !RESERVED.matcher(text).matches() && !NUMBER.matcher(text).matches()
				&& !TIMESTAMP.matcher(text).matches();
	}

}
