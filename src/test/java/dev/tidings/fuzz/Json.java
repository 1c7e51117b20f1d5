package dev.tidings.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON as the fuzz suite writes it: a tree it can make hostile in ways a mapper refuses
 * to produce (duplicate keys, numbers of any text, raw fragments), serialised by hand.
 */
public sealed interface Json {

	/** Appends this value's text. */
	void write(StringBuilder out);

	default String text() {
		StringBuilder out = new StringBuilder();
		write(out);
		return out.toString();
	}

	static Json str(String value) {
		return new Str(value);
	}

	static Json raw(String token) {
		return new Raw(token);
	}

	static Json obj(String key, Json value) {
		return new Obj(List.of(new Member(key, value)));
	}

	static Json arr(List<? extends Json> items) {
		return new Arr(List.copyOf(items));
	}

	/** An object whose members may repeat a key. */
	record Obj(List<Member> members) implements Json {

		public Obj {
			members = List.copyOf(members);
		}

		static Obj of(Map<String, Json> members) {
			List<Member> list = new ArrayList<>();
			members.forEach((key, value) -> list.add(new Member(key, value)));
			return new Obj(list);
		}

		@Override
		public void write(StringBuilder out) {
			out.append('{');
			for (int i = 0; i < this.members.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				Str.quote(this.members.get(i).key(), out);
				out.append(':');
				this.members.get(i).value().write(out);
			}
			out.append('}');
		}

	}

	record Member(String key, Json value) {
	}

	record Arr(List<Json> items) implements Json {

		@Override
		public void write(StringBuilder out) {
			out.append('[');
			for (int i = 0; i < this.items.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				this.items.get(i).write(out);
			}
			out.append(']');
		}

	}

	record Str(String value) implements Json {

		@Override
		public void write(StringBuilder out) {
			quote(this.value, out);
		}

		static void quote(String value, StringBuilder out) {
			out.append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					default -> {
						// escaped, so a lone surrogate reaches the server as JSON text
						// can
						// carry it: a client cannot send it raw in UTF-8
						if (c < 0x20 || Character.isSurrogate(c)) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			out.append('"');
		}

		@Override
		public String toString() {
			return text().length() > 200 ? text().substring(0, 200) + "…(" + this.value.length() + " chars)" : text();
		}

	}

	/** A token written as it is: a number of any text, a literal, or broken JSON. */
	record Raw(String token) implements Json {

		@Override
		public void write(StringBuilder out) {
			out.append(this.token);
		}

	}

}
