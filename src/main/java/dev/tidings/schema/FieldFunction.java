package dev.tidings.schema;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * The Directus function fields: {@code year(published_at)} in {@code fields},
 * {@code filter}, {@code sort} and {@code groupBy}. Date parts follow PostgreSQL's
 * {@code EXTRACT}, which Directus uses there: {@code week} is the ISO week,
 * {@code weekday} counts from Sunday = 0, and an instant is read in UTC. {@code count}
 * counts the items of a to-many relation or the elements of a list.
 * <p>
 * The one definition of what each function means: the SQL translation and the in-memory
 * evaluation both follow {@link #apply}.
 */
public enum FieldFunction {

	YEAR("year", ChronoField.YEAR), MONTH("month", ChronoField.MONTH_OF_YEAR), WEEK("week", null),
	DAY("day", ChronoField.DAY_OF_MONTH), WEEKDAY("weekday", ChronoField.DAY_OF_WEEK),
	HOUR("hour", ChronoField.HOUR_OF_DAY), MINUTE("minute", ChronoField.MINUTE_OF_HOUR),
	SECOND("second", ChronoField.SECOND_OF_MINUTE), COUNT("count", null);

	/** {@code name(argument)}, where the argument is a field or a dotted path. */
	private static final Pattern CALL = Pattern.compile("^([a-zA-Z]+)\\(([^()]*)\\)$");

	private final String token;

	private final @Nullable ChronoField part;

	FieldFunction(String token, @Nullable ChronoField part) {
		this.token = token;
		this.part = part;
	}

	public String token() {
		return this.token;
	}

	/**
	 * A function applied to its argument, as written in a query.
	 *
	 * @param function the function
	 * @param argument the field (or dotted path) inside the parentheses
	 */
	public record Call(FieldFunction function, String argument) {

		/**
		 * The key Directus returns the value under: {@code published_at_year} for
		 * {@code year(published_at)}.
		 */
		public String resultKey() {
			return this.argument + "_" + this.function.token;
		}

	}

	/**
	 * Reads {@code year(published_at)}; empty for a plain name. A call of an unknown
	 * function is a plain name too, so it fails as an unknown field would.
	 */
	public static Optional<Call> parse(String segment) {
		Matcher call = CALL.matcher(segment.trim());
		if (!call.matches()) {
			return Optional.empty();
		}
		String name = call.group(1);
		return Arrays.stream(values())
			.filter((function) -> function.token.equals(name))
			.findFirst()
			.map((function) -> new Call(function, call.group(2).trim()));
	}

	/** Whether a field of this type or relation takes the function. */
	public boolean appliesTo(FieldSchema field) {
		if (this == COUNT) {
			return field.isToMany() || field.isValueList() || field.type() == FieldType.JSON;
		}
		return switch (field.type()) {
			case TIMESTAMP, DATE_TIME -> true;
			case DATE -> this == YEAR || this == MONTH || this == WEEK || this == DAY || this == WEEKDAY;
			case TIME -> this == HOUR || this == MINUTE || this == SECOND;
			default -> false;
		};
	}

	/**
	 * Refuses, as an invalid query, a field of the collection the function does not apply
	 * to.
	 */
	public void requireAppliesTo(FieldSchema field, CollectionSchema collection) {
		if (!appliesTo(field)) {
			throw TidingsException.invalidQuery("The function " + this.token + "() does not apply to \"" + field.name()
					+ "\" of \"" + collection.name() + "\"");
		}
	}

	/**
	 * The function of a field's Java value: a date part as an integer, or the size of a
	 * collection; null for null. {@code count} of a JSON value that is not an array is
	 * null, as a database's JSON array length is.
	 */
	public @Nullable Integer apply(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (this == COUNT) {
			return (value instanceof Collection<?> items) ? items.size() : null;
		}
		TemporalAccessor temporal = utc(value);
		if (this == WEEK) {
			return temporal.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		}
		if (this == WEEKDAY) {
			// ISO counts Monday = 1 … Sunday = 7; EXTRACT(DOW) counts Sunday = 0
			return DayOfWeek.from(temporal).getValue() % 7;
		}
		return temporal.get(this.part);
	}

	private static TemporalAccessor utc(Object value) {
		if (value instanceof Instant instant) {
			return instant.atOffset(ZoneOffset.UTC);
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.withOffsetSameInstant(ZoneOffset.UTC);
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(ZoneOffset.UTC);
		}
		if (value instanceof LocalDateTime || value instanceof LocalDate || value instanceof LocalTime) {
			return (TemporalAccessor) value;
		}
		throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
	}

}
