package dev.tidings.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes snapshot values as JSON that reads back as the same Java types, which the
 * in-memory permission and query evaluator relies on (an {@code Integer} 5 and a
 * {@code Long} 5 are not the same to it, nor an {@code Instant} and its ISO string).
 * Strings, booleans and nulls are written as themselves; every other value as a
 * two-element array {@code [tag, text]}, the text being the type's own exact
 * {@code toString} form, so no number ever passes through a JSON double. Enums are
 * {@code ["enum", class, name]}; lists and maps of such values (JSON fields) nest.
 * Anything else is refused with {@link UnsupportedValueException} rather than sent in a
 * form another instance would read back as something different.
 */
public final class ValueCodec {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final Map<Class<?>, Scalar> byType = new LinkedHashMap<>();

	private static final Map<String, Scalar> byTag = new LinkedHashMap<>();

	static {
		scalar("int", Integer.class, Integer::valueOf);
		scalar("long", Long.class, Long::valueOf);
		scalar("short", Short.class, Short::valueOf);
		scalar("byte", Byte.class, Byte::valueOf);
		scalar("double", Double.class, Double::valueOf);
		scalar("float", Float.class, Float::valueOf);
		scalar("decimal", BigDecimal.class, BigDecimal::new);
		scalar("bigint", BigInteger.class, BigInteger::new);
		scalar("char", Character.class, (text) -> text.charAt(0));
		scalar("uuid", UUID.class, UUID::fromString);
		scalar("instant", Instant.class, Instant::parse);
		scalar("offset-date-time", OffsetDateTime.class, OffsetDateTime::parse);
		scalar("zoned-date-time", ZonedDateTime.class, ZonedDateTime::parse);
		scalar("local-date-time", LocalDateTime.class, LocalDateTime::parse);
		scalar("local-date", LocalDate.class, LocalDate::parse);
		scalar("local-time", LocalTime.class, LocalTime::parse);
		scalar("offset-time", OffsetTime.class, OffsetTime::parse);
	}

	private final ClassLoader classLoader;

	public ValueCodec(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** The JSON form of a value. */
	public JsonNode encode(@Nullable Object value) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof String text) {
			return nodes.stringNode(text);
		}
		if (value instanceof Boolean bool) {
			return nodes.booleanNode(bool);
		}
		Scalar scalar = byType.get(value.getClass());
		if (scalar != null) {
			return tagged(scalar.tag(), value.toString());
		}
		if (value instanceof Enum<?> constant) {
			return tagged("enum", constant.getDeclaringClass().getName()).add(constant.name());
		}
		if (value instanceof byte[] bytes) {
			return tagged("bytes", Base64.getEncoder().encodeToString(bytes));
		}
		if (value instanceof List<?> list) {
			ArrayNode items = nodes.arrayNode();
			list.forEach((item) -> items.add(encode(item)));
			return nodes.arrayNode().add("list").add(items);
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode entries = nodes.objectNode();
			map.forEach((key, item) -> {
				if (!(key instanceof String name)) {
					throw new UnsupportedValueException("a map key of type " + typeName(key));
				}
				entries.set(name, encode(item));
			});
			return nodes.arrayNode().add("map").add(entries);
		}
		throw new UnsupportedValueException("a value of type " + value.getClass().getName());
	}

	/** The value a JSON form written by {@link #encode} stands for. */
	public @Nullable Object decode(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (!node.isArray() || node.size() < 2 || !node.get(0).isString()) {
			throw new UnsupportedValueException("the JSON " + node);
		}
		String tag = node.get(0).stringValue();
		Scalar scalar = byTag.get(tag);
		if (scalar != null) {
			return scalar.parse().apply(node.get(1).stringValue());
		}
		return switch (tag) {
			case "enum" -> enumConstant(node.get(1).stringValue(), node.get(2).stringValue());
			case "bytes" -> Base64.getDecoder().decode(node.get(1).stringValue());
			case "list" -> {
				List<@Nullable Object> list = new ArrayList<>();
				node.get(1).values().forEach((item) -> list.add(decode(item)));
				yield list;
			}
			case "map" -> {
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				node.get(1).properties().forEach((entry) -> map.put(entry.getKey(), decode(entry.getValue())));
				yield map;
			}
			default -> throw new UnsupportedValueException("a value tagged \"" + tag + "\"");
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Object enumConstant(String className, String name) {
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new UnsupportedValueException("a constant of the unknown enum " + className);
		}
		if (!type.isEnum()) {
			throw new UnsupportedValueException("a constant of " + className + ", which is not an enum");
		}
		return Enum.valueOf((Class) type, name);
	}

	private static ArrayNode tagged(String tag, String text) {
		return nodes.arrayNode().add(tag).add(text);
	}

	private static String typeName(@Nullable Object value) {
		return (value != null) ? value.getClass().getName() : "null";
	}

	private static <T> void scalar(String tag, Class<T> type, Function<String, T> parse) {
		Scalar scalar = new Scalar(tag, parse);
		byType.put(type, scalar);
		byTag.put(tag, scalar);
	}

	private record Scalar(String tag, Function<String, ?> parse) {
	}

	/** A value this codec cannot carry with its exact type. */
	public static final class UnsupportedValueException extends IllegalArgumentException {

		UnsupportedValueException(String what) {
			super("Cannot carry " + what + " between instances");
		}

		UnsupportedValueException(UnsupportedValueException cause, String collection, String field) {
			super(cause.getMessage() + " (field " + field + " of collection " + collection + ")", cause);
		}

	}

}
