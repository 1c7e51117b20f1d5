package dev.tidings.query;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.tidings.schema.Decimals;

/**
 * Arithmetic on the boxed numbers that rows, JSON decoders and bound filters carry, with
 * SQL's notion of equality: by value, whatever the box ({@code 1 = 1.0}, {@code 0.0 =
 * -0.0}).
 */
final class Numbers {

	private Numbers() {
	}

	/**
	 * @throws NumberFormatException for NaN or an infinity
	 */
	static BigDecimal toBigDecimal(Number number) {
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
			// Float.toString keeps the float's shortest text (0.1f is 0.1, not
			// 0.10000000149…).
			return new BigDecimal((number instanceof Float f) ? Float.toString(f) : Double.toString(value));
		}
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
			return BigDecimal.valueOf(number.longValue());
		}
		return new BigDecimal(number.toString());
	}

	/**
	 * Compares by value. Doubles are compared with the primitive operators so that
	 * {@code 0.0} equals {@code -0.0}, as in SQL; exact types are compared exactly.
	 */
	static int compare(Number left, Number right) {
		boolean leftFloating = left instanceof Double || left instanceof Float;
		boolean rightFloating = right instanceof Double || right instanceof Float;
		if (leftFloating || rightFloating) {
			double l = left.doubleValue();
			double r = right.doubleValue();
			if (Double.isNaN(l) || Double.isNaN(r)) {
				// PostgreSQL orders NaN above every other value, as Double.compare does.
				return Double.compare(l, r);
			}
			return (l < r) ? -1 : ((l > r) ? 1 : 0);
		}
		if (isLong(left) && isLong(right)) {
			return Long.compare(left.longValue(), right.longValue());
		}
		return toBigDecimal(left).compareTo(toBigDecimal(right));
	}

	private static boolean isLong(Number number) {
		return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte;
	}

	/**
	 * The number as JavaScript would print it in a query string ({@code 1.0} is
	 * {@code 1}), for comparing a number with a text field.
	 * @throws NumberFormatException for a number too large to write out
	 */
	static String text(Number number) {
		BigDecimal decimal = Decimals.checked(toBigDecimal(number));
		if (decimal.signum() == 0) {
			return "0";
		}
		return decimal.stripTrailingZeros().toPlainString();
	}

}
