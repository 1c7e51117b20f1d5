package dev.tidings.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code search} term is besides text, read as Directus reads it: a number only
 * when it is written exactly as JavaScript prints that number ({@code 42}, {@code -1},
 * {@code 1.5}; not {@code 042}, {@code +1}, {@code 1e3}, {@code 1.50} or {@code -0}), and
 * a uuid when it has the uuid shape, in either case.
 */
final class SearchTerms {

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

	private static final Pattern FRACTION = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]*[1-9]");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Decimal digits that always survive a trip through a double and back. */
	private static final int EXACT_DIGITS = 15;

	/** A double's shortest form never needs more. */
	private static final int MAX_DIGITS = 17;

	private SearchTerms() {
	}

	/** The number the term is, or null when JavaScript would not print it so. */
	static @Nullable BigDecimal number(String term) {
		if (term.length() > 400) {
			return null;
		}
		if (INTEGER.matcher(term).matches()) {
			BigInteger integer = new BigInteger(term);
			// JavaScript prints -0 as 0 and has no number past the double range
			boolean printed = !term.equals("-0") && !Double.isInfinite(integer.doubleValue());
			return printed ? new BigDecimal(integer) : null;
		}
		if (!FRACTION.matcher(term).matches()) {
			return null;
		}
		BigDecimal number = new BigDecimal(term);
		double value = number.doubleValue();
		double magnitude = Math.abs(value);
		// outside these JavaScript switches to exponent notation
		if (magnitude < 1e-6 || magnitude >= 1e21) {
			return null;
		}
		int digits = number.unscaledValue().abs().toString().length();
		if (digits <= EXACT_DIGITS) {
			return number;
		}
		boolean shortest = digits <= MAX_DIGITS && new BigDecimal(Double.toString(value)).compareTo(number) == 0;
		return shortest ? number : null;
	}

	static boolean uuid(String term) {
		return UUID.matcher(term).matches();
	}

}
