package dev.tidings.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The parsing rules {@link FieldCodec} applies to a JSON scalar, one per kind of value.
 * Each rule is the single answer for payloads, filters and snapshots alike.
 */
final class JsonScalars {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private JsonScalars() {
	}

	/**
	 * A scalar as text: a number as JavaScript prints it ({@code 1.0} is "1"), because
	 * that is what a client that sent it would read back.
	 */
	static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number number) {
			BigDecimal decimal = number(number);
			return (decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Boolean || value instanceof UUID || value instanceof TemporalAccessor) {
			return value.toString();
		}
		throw new IllegalArgumentException("has to be a string, number, or boolean");
	}

	/**
	 * A number or numeric text as an exact decimal, checked against
	 * {@link Decimals#EXPONENT_CEILING}.
	 */
	static BigDecimal decimal(Object value) {
		if (value instanceof Number number) {
			return number(number);
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

	private static BigDecimal number(Number number) {
		try {
			return Decimals.checked(Decimals.of(number));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("is not a number");
		}
	}

	/**
	 * The integral value, narrowed exactly to the type.
	 * @throws ArithmeticException when it is out of the type's range
	 */
	static Number integral(Object value, Class<?> type) {
		BigDecimal decimal = decimal(value);
		BigInteger integer;
		try {
			integer = decimal.toBigIntegerExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("is not an integer");
		}
		if (type == BigInteger.class) {
			return integer;
		}
		long number = integer.longValueExact();
		if (type == Long.class) {
			return number;
		}
		if (type == Short.class) {
			return (short) within(number, Short.MIN_VALUE, Short.MAX_VALUE);
		}
		if (type == Byte.class) {
			return (byte) within(number, Byte.MIN_VALUE, Byte.MAX_VALUE);
		}
		return Math.toIntExact(number);
	}

	private static long within(long number, long min, long max) {
		if (number < min || number > max) {
			throw new ArithmeticException("out of range");
		}
		return number;
	}

	static Number floating(Object value, Class<?> type) {
		double number = decimal(value).doubleValue();
		if (!Double.isFinite(number) || (type == Float.class && !Float.isFinite((float) number))) {
			throw new ArithmeticException("out of range");
		}
		return (type == Float.class) ? (Number) (float) number : (Number) number;
	}

	/**
	 * {@code true}/{@code false}, as JSON booleans, their text, or {@code 1}/{@code 0}
	 * (as numbers or text): what HTML forms and SQL clients send.
	 */
	static Boolean bool(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = (value instanceof Number || value instanceof String) ? text(value) : "";
		return switch (text) {
			case "true", "1" -> Boolean.TRUE;
			case "false", "0" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException("is not a boolean");
		};
	}

	static UUID uuid(Object value) {
		if (value instanceof String text && UUID_TEXT.matcher(text.trim()).matches()) {
			return UUID.fromString(text.trim());
		}
		throw new IllegalArgumentException("is not a valid UUID");
	}

	/**
	 * A date-time in UTC: an {@link Instant} (a variable's value), or ISO-8601 text. Text
	 * with an offset or {@code Z} is that instant; zone-less text is UTC; a date alone is
	 * its midnight; a space may stand for the {@code T}, as SQL writes it. Nothing else
	 * is guessed.
	 */
	static LocalDateTime utc(Object value) {
		if (value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}
		if (!(value instanceof String raw)) {
			throw invalidDate();
		}
		String text = raw.trim().toUpperCase(Locale.ROOT);
		if (text.length() > 10 && text.charAt(10) == ' ') {
			text = text.substring(0, 10) + 'T' + text.substring(11);
		}
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay();
			}
			if (text.endsWith("Z") || hasOffset(text)) {
				return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
			}
			return LocalDateTime.parse(text);
		}
		catch (DateTimeException ex) {
			throw invalidDate();
		}
	}

	private static boolean hasOffset(String text) {
		int time = text.indexOf('T');
		return time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
	}

	static LocalTime time(Object value) {
		if (value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalTime();
		}
		if (!(value instanceof String text)) {
			throw invalidDate();
		}
		try {
			return LocalTime.parse(text.trim());
		}
		catch (DateTimeException ex) {
			throw invalidDate();
		}
	}

	static String string(Object value) {
		if (value instanceof String text) {
			return text;
		}
		throw new IllegalArgumentException("has to be a string");
	}

	static void requireScalar(Object value) {
		if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
			throw new IllegalArgumentException("has to be a string, number, or boolean");
		}
	}

	private static IllegalArgumentException invalidDate() {
		return new IllegalArgumentException("is not a valid date");
	}

}
