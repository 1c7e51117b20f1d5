package dev.tidings.schema;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Parses and checks untrusted numbers before anything expands them. A number such as
 * {@code 1e900000000} is tiny as text but a billion digits once written out, and exact
 * arithmetic on it ({@code toPlainString}, {@code toBigInteger}) exhausts the heap; a
 * string of 200,000 digits takes half a second to parse. Every conversion of a client's
 * number goes through here, so it stays within fixed ceilings whatever the settings say:
 * the configurable input limits ({@code tidings.limits.*}) may be lower, never higher.
 */
public final class Decimals {

	/** The most characters a number's text may have to be parsed at all. */
	public static final int LENGTH_CEILING = 1000;

	/** The largest exponent and scale, positive or negative, a number may carry. */
	public static final int EXPONENT_CEILING = 1000;

	private Decimals() {
	}

	/**
	 * A boxed number (as rows, JSON decoders and bound filters carry it) as an exact
	 * decimal; a float keeps its shortest text ({@code 0.1f} is 0.1, not 0.10000000149…).
	 * @throws NumberFormatException for NaN or an infinity
	 */
	public static BigDecimal of(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (!Double.isFinite(value)) {
				throw new NumberFormatException("Not a finite number: " + value);
			}
			return new BigDecimal((number instanceof Float f) ? Float.toString(f) : Double.toString(value));
		}
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
			return BigDecimal.valueOf(number.longValue());
		}
		return new BigDecimal(number.toString());
	}

	/**
	 * Parses a number's text, refusing one longer than {@link #LENGTH_CEILING} before
	 * parsing and one beyond {@link #EXPONENT_CEILING} after.
	 * @throws NumberFormatException when the text is no number or out of bounds
	 */
	public static BigDecimal parse(String text) {
		String trimmed = text.trim();
		if (trimmed.length() > LENGTH_CEILING) {
			throw new NumberFormatException("is longer than " + LENGTH_CEILING + " characters");
		}
		return checked(new BigDecimal(trimmed));
	}

	/**
	 * The decimal, when its exponent and scale are within {@link #EXPONENT_CEILING}.
	 * @throws NumberFormatException otherwise
	 */
	public static BigDecimal checked(BigDecimal decimal) {
		if (!within(decimal, EXPONENT_CEILING)) {
			throw new NumberFormatException("has an exponent or scale beyond " + EXPONENT_CEILING);
		}
		return decimal;
	}

	/**
	 * Whether the number's scale and the power of ten of its leading digit are both
	 * within {@code maxExponent}; answered from its unscaled size, never from its
	 * expansion.
	 */
	public static boolean within(Number number, int maxExponent) {
		if (number instanceof BigDecimal decimal) {
			long scale = decimal.scale();
			return Math.abs(scale) <= maxExponent && Math.abs(decimal.precision() - scale) <= maxExponent;
		}
		if (number instanceof BigInteger integer) {
			// bitLength × log10(2) digits, rounded up: exact enough for a bound
			return integer.bitLength() * 0.30103 <= maxExponent + 1;
		}
		return true;
	}

}
