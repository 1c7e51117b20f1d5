package dev.tidings.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Converts one field's values between JSON (as a JSON reader produces them: strings,
 * numbers, booleans, lists, maps) and Java (the attribute's type). Payloads, filter
 * operands, rendered items, pushes and snapshots all convert through the field's codec,
 * so a value written is the value a filter on the same JSON finds.
 * <p>
 * Failures are {@link IllegalArgumentException}s (the value does not fit the type;
 * {@link NotAChoice} for a value outside an enum's names) or {@link ArithmeticException}s
 * (a number out of the type's range), whose message the caller wraps in its error code.
 */
public final class FieldCodec {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final FieldType type;

	private final Class<?> javaType;

	private final List<String> choices;

	private final @Nullable Converter converter;

	private final @Nullable FieldCodec element;

	private final boolean largeObject;

	private FieldCodec(FieldType type, Class<?> javaType, List<String> choices, @Nullable Converter converter,
			@Nullable FieldCodec element) {
		this(type, javaType, choices, converter, element, false);
	}

	private FieldCodec(FieldType type, Class<?> javaType, List<String> choices, @Nullable Converter converter,
			@Nullable FieldCodec element, boolean largeObject) {
		this.type = type;
		this.javaType = javaType;
		this.choices = choices;
		this.converter = converter;
		this.element = element;
		this.largeObject = largeObject;
	}

	/**
	 * This codec for a {@code @Lob} attribute. Some databases keep a large object apart
	 * from its row (PostgreSQL holds only an {@code oid} there), where it can be neither
	 * searched nor ordered, so on every database such a field is tested only for null and
	 * never sorted.
	 */
	public FieldCodec largeObject() {
		return new FieldCodec(this.type, this.javaType, this.choices, this.converter, this.element, true);
	}

	/** Whether the value is a large object: filtered only for null, never sorted. */
	public boolean isLargeObject() {
		return this.largeObject;
	}

	/**
	 * The codec of a collection of basic values (an element collection): a JSON array
	 * whose elements convert through the element's codec.
	 */
	public static FieldCodec listOf(FieldCodec element) {
		return new FieldCodec(FieldType.ALIAS, List.class, List.of(), null, element);
	}

	/** The codec of a field whose attribute holds its values as the Java type. */
	public static FieldCodec of(FieldType type, Class<?> javaType) {
		if (javaType.isEnum()) {
			List<String> names = Arrays.stream(javaType.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.toList();
			return new FieldCodec(FieldType.STRING, javaType, names, null, null);
		}
		return new FieldCodec(type, javaType, List.of(), null, null);
	}

	/**
	 * The codec of an attribute stored through a converter (a JPA
	 * {@code AttributeConverter}): JSON values are the column's values, converted to and
	 * from the attribute's type.
	 * @param column the codec of the column's type
	 * @param javaType the attribute's type
	 * @param toAttribute converts a column value to the attribute's
	 * @param toColumn converts an attribute value to the column's
	 */
	public static FieldCodec converted(FieldCodec column, Class<?> javaType, Function<Object, Object> toAttribute,
			Function<Object, Object> toColumn) {
		return new FieldCodec(column.type, javaType, column.choices, new Converter(column, toAttribute, toColumn),
				null);
	}

	public FieldType type() {
		return this.type;
	}

	/** The names an enum field accepts, in declaration order; empty for other fields. */
	public List<String> choices() {
		return this.choices;
	}

	/**
	 * Whether values can only be told apart, not ordered or searched as text: enums and
	 * converted attributes, whose Java order and text need not be the column's.
	 */
	public boolean identityOnly() {
		return !this.choices.isEmpty() || this.converter != null;
	}

	/**
	 * Converts a JSON value (or a dynamic variable's value: an {@link Instant}, a
	 * {@link UUID}) to the attribute's Java type.
	 */
	public @Nullable Object fromJson(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (this.element != null) {
			return elements(this.element, value);
		}
		Converter converter = this.converter;
		if (converter != null) {
			if (this.javaType.isInstance(value)) {
				return value;
			}
			Object column = converter.column.fromJson(value);
			return (column != null) ? converter.toAttribute.apply(column) : null;
		}
		if (this.type == FieldType.JSON || this.type == FieldType.ALIAS) {
			return json(value);
		}
		if (this.javaType.isInstance(value) && !(value instanceof byte[])) {
			// already converted, as keys handed back by a write are
			return value;
		}
		JsonScalars.requireScalar(value);
		if (this.javaType.isEnum()) {
			return constant(value);
		}
		return scalar(value);
	}

	private static List<Object> elements(FieldCodec element, Object value) {
		if (!(value instanceof List<?> items)) {
			throw new IllegalArgumentException("has to be an array");
		}
		List<Object> converted = new ArrayList<>(items.size());
		for (Object item : items) {
			Object one = element.fromJson(item);
			if (one == null) {
				throw new IllegalArgumentException("cannot hold null");
			}
			converted.add(one);
		}
		return converted;
	}

	private Object json(Object value) {
		if (List.class.isAssignableFrom(this.javaType)) {
			if (value instanceof List<?> items) {
				items.forEach(JsonScalars::requireScalar);
				return items;
			}
			throw new IllegalArgumentException("has to be an array");
		}
		if (!this.javaType.isInstance(value)) {
			throw new IllegalArgumentException("is not a valid " + this.javaType.getSimpleName());
		}
		return value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Object constant(Object value) {
		if (value instanceof String name && this.choices.contains(name)) {
			return Enum.valueOf((Class<? extends Enum>) this.javaType, name);
		}
		throw new NotAChoice(this.choices);
	}

	private Object scalar(Object value) {
		Class<?> target = this.javaType;
		if (target == String.class) {
			return JsonScalars.text(value);
		}
		if (target == Character.class) {
			String text = JsonScalars.string(value);
			if (text.length() != 1) {
				throw new IllegalArgumentException("has to be one character");
			}
			return text.charAt(0);
		}
		if (target == Integer.class || target == Long.class || target == Short.class || target == Byte.class
				|| target == BigInteger.class) {
			return JsonScalars.integral(value, target);
		}
		if (target == Double.class || target == Float.class) {
			return JsonScalars.floating(value, target);
		}
		if (target == BigDecimal.class) {
			return JsonScalars.decimal(value);
		}
		if (target == Boolean.class) {
			return JsonScalars.bool(value);
		}
		if (target == UUID.class) {
			return JsonScalars.uuid(value);
		}
		if (target == byte[].class) {
			try {
				return Base64.getDecoder().decode(JsonScalars.string(value));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("is not valid base64");
			}
		}
		if (target == LocalTime.class) {
			return JsonScalars.time(value);
		}
		LocalDateTime utc = JsonScalars.utc(value);
		if (target == Instant.class) {
			return utc.toInstant(ZoneOffset.UTC);
		}
		if (target == OffsetDateTime.class) {
			return utc.atOffset(ZoneOffset.UTC);
		}
		if (target == ZonedDateTime.class) {
			return utc.atZone(ZoneOffset.UTC);
		}
		if (target == LocalDateTime.class) {
			return utc;
		}
		if (target == LocalDate.class) {
			return utc.toLocalDate();
		}
		throw new IllegalArgumentException("is not a valid " + target.getSimpleName());
	}

	/** Converts the attribute's Java value to what goes on the wire (JSON-ready). */
	public @Nullable Object toJson(@Nullable Object value) {
		FieldCodec element = this.element;
		if (element != null && value instanceof Collection<?> items) {
			List<@Nullable Object> json = new ArrayList<>(items.size());
			items.forEach((item) -> json.add(element.toJson(item)));
			return json;
		}
		Converter converter = this.converter;
		if (converter != null && value != null && this.javaType.isInstance(value)) {
			return converter.column.toJson(converter.toColumn.apply(value));
		}
		return wire(value);
	}

	/**
	 * A Java value as JSON, by its own type: for values whose field is not at hand (a key
	 * in a push, a group of an aggregate).
	 */
	public static @Nullable Object wire(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return TIMESTAMP.format(instant);
		}
		if (value instanceof OffsetDateTime offset) {
			return TIMESTAMP.format(offset.toInstant());
		}
		if (value instanceof ZonedDateTime zoned) {
			return TIMESTAMP.format(zoned.toInstant());
		}
		if (value instanceof LocalDateTime dateTime) {
			return DATE_TIME.format(dateTime);
		}
		if (value instanceof LocalTime time) {
			return TIME.format(time);
		}
		if (value instanceof LocalDate || value instanceof UUID || value instanceof Character) {
			return value.toString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		if (value instanceof Float number) {
			return number.doubleValue();
		}
		return value;
	}

	/**
	 * A filter operand for a text pattern ({@code _contains} and the like), as text
	 * whatever the field's type: {@code %} and {@code _} stay literal.
	 */
	public static String patternText(Object value) {
		return JsonScalars.text(value);
	}

	/** A value outside an enum field's names. */
	public static final class NotAChoice extends IllegalArgumentException {

		private final List<String> choices;

		NotAChoice(List<String> choices) {
			super("has to be one of " + String.join(", ", choices));
			this.choices = choices;
		}

		public List<String> choices() {
			return this.choices;
		}

	}

	private record Converter(FieldCodec column, Function<Object, Object> toAttribute,
			Function<Object, Object> toColumn) {
	}

}
