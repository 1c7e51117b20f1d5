package dev.tidings.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Items as XML the way Directus exports them: a {@code data} root holding one
 * {@code data} element per item (or the item's fields directly for a single item), one
 * element per field, a list as the field's element repeated once per entry, null as the
 * text {@code null}, four spaces of indentation.
 */
final class XmlExport {

	private static final String INDENT = "    ";

	private final Function<@Nullable Object, String> jsonText;

	/** {@code jsonText} writes numbers as their JSON text. */
	XmlExport(Function<@Nullable Object, String> jsonText) {
		this.jsonText = jsonText;
	}

	String write(@Nullable Object data) {
		StringBuilder xml = new StringBuilder("<?xml version='1.0'?>\n");
		if (data instanceof List<?> items) {
			if (items.isEmpty()) {
				return xml.append("<data/>").toString();
			}
			xml.append("<data>\n");
			for (Object item : items) {
				element("data", item, 1, xml);
			}
			return xml.append("</data>").toString();
		}
		element("data", data, 0, xml);
		return xml.substring(0, xml.length() - 1);
	}

	private void element(String name, @Nullable Object value, int depth, StringBuilder xml) {
		if (value instanceof List<?> entries) {
			for (Object entry : entries) {
				element(name, entry, depth, xml);
			}
			return;
		}
		String indent = INDENT.repeat(depth);
		if (value instanceof Map<?, ?> fields) {
			if (fields.isEmpty()) {
				xml.append(indent).append('<').append(name).append("/>\n");
				return;
			}
			xml.append(indent).append('<').append(name).append(">\n");
			fields.forEach((field, child) -> element(String.valueOf(field), child, depth + 1, xml));
			xml.append(indent).append("</").append(name).append(">\n");
			return;
		}
		String text = text(value);
		if (text.isEmpty()) {
			xml.append(indent).append('<').append(name).append("/>\n");
			return;
		}
		xml.append(indent).append('<').append(name).append('>').append(text).append("</").append(name).append(">\n");
	}

	private String text(@Nullable Object value) {
		if (value instanceof String text) {
			return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		}
		return (value == null) ? "null" : this.jsonText.apply(value);
	}

}
