package dev.tidings.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A small JSON decoder for the tests. It produces what an untyped Jackson read gives
 * (Integer, Long or BigInteger for integers, Double for decimals), so that the query
 * tests need no JSON library either.
 */
final class MiniJson implements JsonReader {

	@Override
	public @Nullable Object read(String json) {
		Cursor cursor = new Cursor(json);
		Object value = cursor.value();
		cursor.skipSpace();
		if (cursor.index != json.length()) {
			throw cursor.error();
		}
		return value;
	}

	static @Nullable Object parse(String json) {
		return new MiniJson().read(json);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(String json) {
		return (Map<String, Object>) parse(json);
	}

	private static final class Cursor {

		private final String text;

		private int index;

		Cursor(String text) {
			this.text = text;
		}

		@Nullable Object value() {
			skipSpace();
			return switch (peek()) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> literal("true", Boolean.TRUE);
				case 'f' -> literal("false", Boolean.FALSE);
				case 'n' -> literal("null", null);
				default -> number();
			};
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			expect('{');
			skipSpace();
			if (peek() == '}') {
				this.index++;
				return map;
			}
			do {
				skipSpace();
				String key = string();
				skipSpace();
				expect(':');
				map.put(key, value());
				skipSpace();
			}
			while (next() == ',');
			this.index--;
			expect('}');
			return map;
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			expect('[');
			skipSpace();
			if (peek() == ']') {
				this.index++;
				return list;
			}
			do {
				list.add(value());
				skipSpace();
			}
			while (next() == ',');
			this.index--;
			expect(']');
			return list;
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char escaped = next();
				switch (escaped) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'u' -> {
						out.append((char) Integer.parseInt(this.text.substring(this.index, this.index + 4), 16));
						this.index += 4;
					}
					default -> out.append(escaped);
				}
			}
		}

		private Object number() {
			int start = this.index;
			while (this.index < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.index)) >= 0) {
				this.index++;
			}
			String token = this.text.substring(start, this.index);
			try {
				if (token.contains(".") || token.contains("e") || token.contains("E")) {
					return Double.parseDouble(token);
				}
				BigInteger integer = new BigInteger(token);
				if (integer.bitLength() < 32) {
					return integer.intValue();
				}
				return (integer.bitLength() < 64) ? integer.longValue() : integer;
			}
			catch (NumberFormatException ex) {
				throw error();
			}
		}

		private @Nullable Object literal(String word, @Nullable Object value) {
			if (!this.text.startsWith(word, this.index)) {
				throw error();
			}
			this.index += word.length();
			return value;
		}

		void skipSpace() {
			while (this.index < this.text.length() && Character.isWhitespace(this.text.charAt(this.index))) {
				this.index++;
			}
		}

		private char peek() {
			return (this.index < this.text.length()) ? this.text.charAt(this.index) : '\0';
		}

		private char next() {
			if (this.index >= this.text.length()) {
				throw error();
			}
			return this.text.charAt(this.index++);
		}

		private void expect(char c) {
			if (next() != c) {
				throw error();
			}
		}

		IllegalArgumentException error() {
			return new IllegalArgumentException("Malformed JSON at " + this.index + ": " + this.text);
		}

	}

}
