package dev.tidings.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Converts between JSON values (as a JSON reader produces them) and the Java values of
 * fields, in both directions, so that filters, payloads and pushes agree on every type.
 * Failures are {@link IllegalArgumentException}s whose message the caller wraps in the
 * right error code.
 */
public final class FieldValues {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private FieldValues() {
	}

	/**
	 * Converts a JSON scalar to a value of the given Java type.
	 * @throws IllegalArgumentException when the value does not fit the type
	 * @throws ArithmeticException when a number is out of the type's range
	 */
	public static @Nullable Object fromJson(@Nullable Object value, Class<?> javaType) {
		if (value == null) {
			return null;
		}
		if (javaType.isInstance(value) && !(value instanceof Map<?, ?> || value instanceof Iterable<?>)) {
			// already converted, as keys handed back by a write are
			return value;
		}
		if (Map.class.isAssignableFrom(javaType) && value instanceof Map<?, ?>) {
			return value;
		}
		if (List.class.isAssignableFrom(javaType)) {
			return list(value);
		}
		if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
			throw new IllegalArgumentException("has to be a string, number, or boolean");
		}
		if (javaType == String.class) {
			// a number given for a text field is checked before it is written out
			return (value instanceof BigDecimal decimal) ? Decimals.checked(decimal).toPlainString() : value.toString();
		}
		if (javaType == Integer.class || javaType == Long.class || javaType == Short.class) {
			long number = integral(value);
			if (javaType == Integer.class) {
				return Math.toIntExact(number);
			}
			if (javaType == Short.class) {
				if (number < Short.MIN_VALUE || number > Short.MAX_VALUE) {
					throw new ArithmeticException("short overflow");
				}
				return (short) number;
			}
			return number;
		}
		if (javaType == Double.class) {
			return decimal(value).doubleValue();
		}
		if (javaType == Float.class) {
			return decimal(value).floatValue();
		}
		if (javaType == BigDecimal.class) {
			return decimal(value);
		}
		if (javaType == Boolean.class) {
			return bool(value);
		}
		if (javaType == UUID.class) {
			return uuid(value);
		}
		if (javaType == Instant.class) {
			return instant(text(value));
		}
		if (javaType == OffsetDateTime.class) {
			return instant(text(value)).atOffset(ZoneOffset.UTC);
		}
		if (javaType == LocalDateTime.class) {
			return LocalDateTime.ofInstant(instant(text(value)), ZoneOffset.UTC);
		}
		if (javaType == LocalDate.class) {
			return parse(() -> LocalDate.parse(text(value).substring(0, Math.min(10, text(value).length()))));
		}
		if (javaType == LocalTime.class) {
			return parse(() -> LocalTime.parse(text(value)));
		}
		if (javaType.isInstance(value)) {
			return value;
		}
		throw new IllegalArgumentException("is not a valid " + javaType.getSimpleName());
	}

	/**
	 * A list field takes a JSON array of scalars or, as Directus's {@code csv} type, a
	 * comma-separated string.
	 */
	private static List<String> list(Object value) {
		if (value instanceof String text) {
			return Arrays.stream(text.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
		}
		if (value instanceof List<?> items && items.stream().allMatch((item) -> item instanceof String)) {
			return items.stream().map(String.class::cast).toList();
		}
		throw new IllegalArgumentException("has to be a list of strings");
	}

	/** Converts a field's Java value to what goes on the wire (JSON-ready). */
	public static @Nullable Object toJson(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return TIMESTAMP.format(instant);
		}
		if (value instanceof OffsetDateTime offset) {
			return TIMESTAMP.format(offset.toInstant());
		}
		if (value instanceof LocalDateTime dateTime) {
			return DATE_TIME.format(dateTime);
		}
		if (value instanceof LocalTime time) {
			return TIME.format(time);
		}
		if (value instanceof LocalDate || value instanceof UUID) {
			return value.toString();
		}
		if (value instanceof Float number) {
			return number.doubleValue();
		}
		return value;
	}

	/**
	 * Parses an ISO-8601 instant: with an offset or {@code Z}; a zone-less date-time is
	 * UTC, a bare date is midnight UTC.
	 */
	public static Instant instant(String text) {
		return parse(() -> {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
		});
	}

	/**
	 * Databases keep microseconds; an instant read back from one compares equal to this.
	 */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static long integral(Object value) {
		BigDecimal decimal = decimal(value);
		if (decimal.compareTo(LONG_MIN) < 0 || decimal.compareTo(LONG_MAX) > 0) {
			throw new ArithmeticException("long overflow");
		}
		try {
			return decimal.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("is not an integer");
		}
	}

	private static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return Decimals.checked(decimal);
		}
		if (value instanceof BigInteger integer) {
			return Decimals.checked(new BigDecimal(integer));
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new IllegalArgumentException("is not a number");
			}
			return BigDecimal.valueOf(number);
		}
		if (value instanceof Number number) {
			return BigDecimal.valueOf(number.longValue());
		}
		if (value instanceof String text) {
			try {
				return Decimals.parse(text);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("is not a number");
			}
		}
		throw new IllegalArgumentException("is not a number");
	}

	private static Boolean bool(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if ("true".equals(value) || "1".equals(value)
				|| (value instanceof Number && decimal(value).compareTo(BigDecimal.ONE) == 0)) {
			return Boolean.TRUE;
		}
		if ("false".equals(value) || "0".equals(value) || (value instanceof Number && decimal(value).signum() == 0)) {
			return Boolean.FALSE;
		}
		throw new IllegalArgumentException("is not a boolean");
	}

	private static UUID uuid(Object value) {
		String text = text(value);
		if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			throw new IllegalArgumentException("is not a valid UUID");
		}
		return UUID.fromString(text);
	}

	private static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		throw new IllegalArgumentException("has to be a string");
	}

	private static <T> T parse(java.util.function.Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("is not a valid date");
		}
	}

}
