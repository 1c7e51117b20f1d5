package dev.tidings.query;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.tidings.schema.Decimals;

/**
 * What one operator means for one value, exactly as the SQL translation means it: a null
 * value satisfies only {@code _null} and {@code _empty} (SQL's unknown is false), so
 * every negated operator is false on null too.
 */
final class ValueMatcher {

	private ValueMatcher() {
	}

	static boolean matches(FilterOperator operator, @Nullable Object value, @Nullable Object bound) {
		// Only the flags can hold for a null value (and a null operand means nothing
		// bound).
		if (!operator.takesFlag() && (value == null || bound == null)) {
			return false;
		}
		Object actual = canonical(value);
		Object operand = canonical(bound);
		// No default branch: the compiler checks that every operator has a meaning here.
		return switch (operator) {
			case EQ -> same(actual, operand);
			case NEQ -> !same(actual, operand);
			case LT -> compare(actual, operand) < 0;
			case LTE -> compare(actual, operand) <= 0;
			case GT -> compare(actual, operand) > 0;
			case GTE -> compare(actual, operand) >= 0;
			case IN -> list(operand).stream().anyMatch((candidate) -> same(actual, candidate));
			case NIN -> list(operand).stream().noneMatch((candidate) -> same(actual, candidate));
			case BETWEEN -> between(actual, list(operand));
			case NBETWEEN -> outside(actual, list(operand));
			case NULL -> flag(operand, actual == null);
			case NNULL -> flag(operand, actual != null);
			case EMPTY -> flag(operand, actual == null || "".equals(actual));
			case NEMPTY -> flag(operand, actual != null && !"".equals(actual));
			case CONTAINS -> text(actual).contains(text(operand));
			case NCONTAINS -> !text(actual).contains(text(operand));
			case ICONTAINS -> lower(actual).contains(lower(operand));
			case NICONTAINS -> !lower(actual).contains(lower(operand));
			case STARTS_WITH -> text(actual).startsWith(text(operand));
			case NSTARTS_WITH -> !text(actual).startsWith(text(operand));
			case ISTARTS_WITH -> lower(actual).startsWith(lower(operand));
			case NISTARTS_WITH -> !lower(actual).startsWith(lower(operand));
			case ENDS_WITH -> text(actual).endsWith(text(operand));
			case NENDS_WITH -> !text(actual).endsWith(text(operand));
			case IENDS_WITH -> lower(actual).endsWith(lower(operand));
			case NIENDS_WITH -> !lower(actual).endsWith(lower(operand));
		};
	}

	/**
	 * A value as the database compares it: a date-time with an offset or zone is the
	 * instant it names (a snapshot keeps the entity's own offset, the database compares
	 * instants), a {@code char} is one-character text.
	 */
	private static @Nullable Object canonical(@Nullable Object value) {
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof Character character) {
			return character.toString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ValueMatcher::canonical).toList();
		}
		return value;
	}

	/**
	 * A flag's test; bound filters always carry {@code true}, a raw {@code false} negates
	 * (the flags are never unknown in SQL, so negation is exact).
	 */
	private static boolean flag(@Nullable Object operand, boolean holds) {
		return Boolean.FALSE.equals(operand) != holds;
	}

	/** SQL equality: numbers by value, everything else by {@code equals}. */
	static boolean same(Object actual, Object operand) {
		if (actual instanceof Number left && operand instanceof Number right) {
			return compareNumbers(left, right) == 0;
		}
		return actual.equals(operand);
	}

	/** Natural order: numbers by value, temporal values and the like by their own. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int compare(Object actual, Object operand) {
		if (actual instanceof Number left && operand instanceof Number right) {
			return compareNumbers(left, right);
		}
		if (actual instanceof Comparable comparable && actual.getClass() == operand.getClass()) {
			return comparable.compareTo(operand);
		}
		throw new IllegalStateException(
				"Cannot compare " + actual.getClass().getName() + " with " + operand.getClass().getName());
	}

	/** SQL's BETWEEN: inclusive, and empty when the bounds are reversed. */
	private static boolean between(Object actual, List<?> bounds) {
		Object low = bounds.get(0);
		Object high = bounds.get(1);
		if (low == null || high == null) {
			return false;
		}
		return compare(actual, low) >= 0 && compare(actual, high) <= 0;
	}

	/** SQL's NOT BETWEEN: below the low bound or above the high one. */
	private static boolean outside(Object actual, List<?> bounds) {
		Object low = bounds.get(0);
		Object high = bounds.get(1);
		if (low == null || high == null) {
			return false;
		}
		return compare(actual, low) < 0 || compare(actual, high) > 0;
	}

	private static List<?> list(Object operand) {
		if (operand instanceof List<?> list) {
			return list;
		}
		throw new IllegalStateException("Expected a list operand but got " + operand.getClass().getName());
	}

	private static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		throw new IllegalStateException("Expected text but got " + value.getClass().getName());
	}

	/**
	 * The case folding of PostgreSQL's {@code lower(…)}: each code point on its own, by
	 * Unicode's simple mapping, whatever the locale. {@link String#toLowerCase} differs:
	 * it lowers a final {@code Σ} to {@code ς} (PostgreSQL: {@code σ}) and {@code İ} to
	 * {@code i} plus a combining dot (PostgreSQL: {@code i}).
	 */
	private static String lower(Object value) {
		String text = text(value);
		StringBuilder lower = new StringBuilder(text.length());
		text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
		return lower.toString();
	}

	/**
	 * Compares by value, with SQL's equality whatever the box ({@code 1 = 1.0},
	 * {@code 0.0 = -0.0}): doubles with the primitive operators, exact types exactly.
	 */
	static int compareNumbers(Number left, Number right) {
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
		return Decimals.of(left).compareTo(Decimals.of(right));
	}

	private static boolean isLong(Number number) {
		return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte;
	}

}
