package dev.tidings.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.Decimals;

/**
 * Substitutes the dynamic variables of a filter value ({@code $NOW}, {@code $NOW(-1
 * year)}, {@code $CURRENT_USER}, {@code $CURRENT_ROLE}, {@code $CURRENT_ROLES},
 * {@code $CURRENT_POLICIES}) from one caller's {@link Variables}. Unlike Directus, a
 * variable it cannot read is refused rather than silently taken as "now" or null.
 */
final class DynamicVariables {

	/** The syntax of Vercel's {@code ms}, which Directus's {@code adjustDate} uses. */
	private static final Pattern ADJUSTMENT = Pattern.compile(
			"([+-])?\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h"
					+ "|days?|d|weeks?|w|months?|mth|mo|years?|yrs?|y)?",
			Pattern.CASE_INSENSITIVE);

	private final Variables variables;

	DynamicVariables(Variables variables) {
		this.variables = variables;
	}

	/** Whether a raw filter value names a dynamic variable. */
	static boolean isVariable(@Nullable Object value) {
		return value instanceof String text && (text.startsWith("$NOW") || text.startsWith("$CURRENT_"));
	}

	/**
	 * The variable's value: an {@link Instant}, the caller's user or role key (null for
	 * an anonymous caller), or a list of keys.
	 */
	@Nullable Object resolve(String variable) {
		if (variable.startsWith("$NOW")) {
			return now(variable);
		}
		// Matched as whole names, so $CURRENT_ROLES can never be read as $CURRENT_ROLE.
		if (named(variable, "$CURRENT_USER")) {
			return this.variables.currentUser();
		}
		if (named(variable, "$CURRENT_ROLES")) {
			return this.variables.currentRoles();
		}
		if (named(variable, "$CURRENT_ROLE")) {
			return this.variables.currentRole();
		}
		if (named(variable, "$CURRENT_POLICIES")) {
			return this.variables.currentPolicies();
		}
		throw TidingsException.invalidQuery("Unknown dynamic variable \"" + variable + "\"");
	}

	private static boolean named(String variable, String name) {
		if (variable.startsWith(name + ".")) {
			throw TidingsException.invalidQuery("\"" + variable + "\": fields of " + name + " are not supported yet");
		}
		return variable.equals(name);
	}

	private Instant now(String variable) {
		Instant now = this.variables.now();
		if (variable.equals("$NOW")) {
			return now;
		}
		if (!variable.startsWith("$NOW(") || !variable.endsWith(")")) {
			throw invalidNow(variable);
		}
		String adjustment = variable.substring(5, variable.length() - 1).trim();
		return adjustment.isEmpty() ? now : adjust(now, adjustment, variable);
	}

	/**
	 * Moves {@code now} by an adjustment such as {@code -1 year}; units of a week or less
	 * are exact durations (fractions allowed), months and years follow the UTC calendar
	 * (the 31st plus a month is the last day of the next month).
	 */
	static Instant adjust(Instant now, String adjustment, String variable) {
		Matcher matcher = ADJUSTMENT.matcher(adjustment);
		if (!matcher.matches()) {
			throw invalidNow(variable);
		}
		BigDecimal amount;
		try {
			amount = Decimals.parse(matcher.group(2));
		}
		catch (NumberFormatException ex) {
			throw invalidNow(variable);
		}
		if ("-".equals(matcher.group(1))) {
			amount = amount.negate();
		}
		String unit = (matcher.group(3) != null) ? matcher.group(3).toLowerCase(Locale.ROOT) : "d";
		long millisPerUnit = switch (unit) {
			case "ms", "msec", "msecs", "millisecond", "milliseconds" -> 1L;
			case "s", "sec", "secs", "second", "seconds" -> 1_000L;
			case "m", "min", "mins", "minute", "minutes" -> 60_000L;
			case "h", "hr", "hrs", "hour", "hours" -> 3_600_000L;
			case "d", "day", "days" -> 86_400_000L;
			case "w", "week", "weeks" -> 604_800_000L;
			default -> 0L;
		};
		try {
			if (millisPerUnit > 0) {
				long millis = amount.multiply(BigDecimal.valueOf(millisPerUnit))
					.setScale(0, java.math.RoundingMode.HALF_UP)
					.longValueExact();
				return now.plusMillis(millis);
			}
			long whole = amount.longValueExact();
			ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
			boolean years = unit.startsWith("y");
			return (years ? utc.plusYears(whole) : utc.plusMonths(whole)).toInstant();
		}
		catch (ArithmeticException | java.time.DateTimeException ex) {
			// A fraction of a month or year has no calendar meaning; a huge amount
			// overflows.
			throw invalidNow(variable);
		}
	}

	private static TidingsException invalidNow(String variable) {
		return TidingsException.invalidQuery("Invalid dynamic variable \"" + variable
				+ "\": use $NOW or $NOW(<+|-><amount> <unit>), such as $NOW(-1 year)");
	}

}
