package dev.tidings.query;

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
import java.util.UUID;
import java.util.regex.Pattern;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.Decimals;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;

/**
 * Converts a raw filter value (string, number, boolean, or a variable's value) to the
 * Java type of the field it is compared with, so that both evaluators compare like with
 * like. A value the field's type cannot hold is the client's error (400), never a 500
 * from the database.
 */
final class ValueConverter {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private ValueConverter() {
	}

	static Object convert(Object value, FieldSchema field) {
		FieldType type = field.type();
		return switch (type) {
			case STRING, TEXT -> text(value);
			case INTEGER, BIG_INTEGER, FLOAT, DECIMAL -> number(value, numericType(field));
			case BOOLEAN -> bool(value);
			case UUID -> uuid(value);
			case TIMESTAMP, DATE_TIME, DATE, TIME -> temporal(value, type);
			case JSON, ALIAS ->
				throw TidingsException.invalidQuery("Values of \"" + field.name() + "\" can only be tested for null");
		};
	}

	/** A value compared with a text field, as its text ({@code true} is "true"). */
	static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number number) {
			try {
				return Numbers.text(number);
			}
			catch (NumberFormatException ex) {
				throw invalidNumber();
			}
		}
		if (value instanceof Boolean || value instanceof UUID || value instanceof TemporalAccessor) {
			return value.toString();
		}
		throw TidingsException.invalidQuery("Invalid text value");
	}

	/** The numeric class a field's values have. */
	static Class<?> numericType(FieldSchema field) {
		Class<?> javaType = field.javaType();
		if (Number.class.isAssignableFrom(javaType)) {
			return javaType;
		}
		return switch (field.type()) {
			case INTEGER -> Integer.class;
			case BIG_INTEGER -> Long.class;
			case FLOAT -> Double.class;
			default -> BigDecimal.class;
		};
	}

	static Number number(Object value, Class<?> target) {
		BigDecimal decimal;
		try {
			if (value instanceof Number number) {
				decimal = Decimals.checked(Numbers.toBigDecimal(number));
			}
			else if (value instanceof String text) {
				decimal = Decimals.parse(text);
			}
			else {
				throw invalidNumber();
			}
			return narrow(decimal, target);
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw invalidNumber();
		}
	}

	private static Number narrow(BigDecimal decimal, Class<?> target) {
		if (target == Integer.class) {
			return decimal.intValueExact();
		}
		if (target == Long.class) {
			return decimal.longValueExact();
		}
		if (target == Short.class) {
			return decimal.shortValueExact();
		}
		if (target == Byte.class) {
			return decimal.byteValueExact();
		}
		if (target == BigInteger.class) {
			return decimal.toBigIntegerExact();
		}
		if (target == Double.class) {
			return finite(decimal.doubleValue());
		}
		if (target == Float.class) {
			return (float) finite(decimal.floatValue());
		}
		return decimal;
	}

	private static double finite(double value) {
		if (!Double.isFinite(value)) {
			throw invalidNumber();
		}
		return value;
	}

	private static Boolean bool(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw TidingsException.invalidQuery("Invalid boolean value");
	}

	static UUID uuid(Object value) {
		if (value instanceof UUID uuid) {
			return uuid;
		}
		if (value instanceof String text && UUID_TEXT.matcher(text.trim()).matches()) {
			return UUID.fromString(text.trim());
		}
		throw TidingsException.invalidQuery("Invalid UUID value");
	}

	/**
	 * A temporal value: an {@link Instant} from {@code $NOW}, or ISO-8601 text. Text with
	 * an offset or {@code Z} is that instant; zone-less text is UTC; a date alone is its
	 * midnight UTC. Nothing else is guessed (no "yesterday").
	 */
	private static Object temporal(Object value, FieldType type) {
		LocalDateTime local;
		if (value instanceof Instant instant) {
			local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}
		else if (value instanceof String text) {
			if (type == FieldType.TIME) {
				return time(text);
			}
			local = dateTime(text);
		}
		else {
			throw invalidDate(value);
		}
		return switch (type) {
			case TIMESTAMP -> local.toInstant(ZoneOffset.UTC);
			case DATE_TIME -> local;
			case DATE -> local.toLocalDate();
			default -> local.toLocalTime();
		};
	}

	/** ISO-8601 text as a UTC date-time. */
	private static LocalDateTime dateTime(String raw) {
		String text = raw.trim().toUpperCase(Locale.ROOT);
		if (text.length() > 10 && text.charAt(10) == ' ') {
			// "2024-05-01 10:20:30" is how SQL and many clients write a date-time.
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
			throw invalidDate(raw);
		}
	}

	private static boolean hasOffset(String text) {
		int time = text.indexOf('T');
		return time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
	}

	private static LocalTime time(String raw) {
		try {
			return LocalTime.parse(raw.trim());
		}
		catch (DateTimeException ex) {
			throw invalidDate(raw);
		}
	}

	private static TidingsException invalidNumber() {
		return TidingsException.invalidQuery("Invalid numeric value");
	}

	private static TidingsException invalidDate(Object value) {
		return TidingsException.invalidQuery("Invalid date value \"" + value + "\": use ISO-8601 or $NOW(…)");
	}

}
