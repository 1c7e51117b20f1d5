package dev.tidings.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.Decimals;

/**
 * Bounds on what a client may send, shared by JSON bodies, query strings and WebSocket
 * frames so that every door has the same size. The JSON readers enforce the first three
 * while parsing (Jackson's stream constraints); {@link #violation} checks what a parser
 * cannot (a number's exponent) on the decoded value, and the URL form is checked by the
 * query parser.
 *
 * @param maxDepth how deeply objects and arrays may nest (a bracket key counts its
 * brackets)
 * @param maxStringLength the longest string, in characters
 * @param maxNumberLength the longest number, in characters
 * @param maxNumberExponent the largest exponent and scale, positive or negative, a number
 * may carry
 * @param queryLimitMax the largest {@code limit} a query may ask for, which {@code -1}
 * (all rows) also means; -1 for no ceiling
 */
public record InputLimits(int maxDepth, int maxStringLength, int maxNumberLength, int maxNumberExponent,
		int queryLimitMax) {

	/**
	 * What a number too large for any decimal is told: Jackson reports an exponent beyond
	 * an {@code int} as a plain {@link NumberFormatException}, not as a broken
	 * constraint.
	 */
	public static final String NUMBER_OVERFLOW = "A number's exponent is beyond any limit";

	/** The defaults of {@code tidings.limits}, without a ceiling on {@code limit}. */
	public static final InputLimits DEFAULTS = new InputLimits(32, 1_000_000, 100, 400, -1);

	public InputLimits {
		positive(maxDepth, "max-depth");
		positive(maxStringLength, "max-string-length");
		positive(maxNumberLength, "max-number-length");
		positive(maxNumberExponent, "max-number-exponent");
		if (maxNumberLength > Decimals.LENGTH_CEILING || maxNumberExponent > Decimals.EXPONENT_CEILING) {
			throw new IllegalArgumentException("Numbers are bounded by at most " + Decimals.LENGTH_CEILING
					+ " characters and an exponent of " + Decimals.EXPONENT_CEILING);
		}
		if (queryLimitMax < -1 || queryLimitMax == 0) {
			throw new IllegalArgumentException("query-limit-max must be -1 (no ceiling) or positive");
		}
	}

	/**
	 * Why a decoded JSON value (maps, lists, scalars) breaks a limit a parser cannot
	 * check, or null when it keeps them all. Depth is bounded by the parser, so the walk
	 * is too.
	 */
	public @Nullable String violation(@Nullable Object value) {
		if (value instanceof Number number) {
			return Decimals.within(number, this.maxNumberExponent) ? null
					: "A number's exponent or scale is beyond " + this.maxNumberExponent;
		}
		if (value instanceof String text) {
			return textViolation(text);
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String violation = (entry.getKey() instanceof String key) ? textViolation(key) : null;
				if (violation == null) {
					violation = violation(entry.getValue());
				}
				if (violation != null) {
					return violation;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				String violation = violation(item);
				if (violation != null) {
					return violation;
				}
			}
		}
		return null;
	}

	/**
	 * Why a decoded string cannot be taken, or null: JSON's {@code \\uD800} escapes can
	 * spell half of a surrogate pair, which no UTF-8 writer can encode: stored, echoed or
	 * pushed, it would fail every answer that carries it.
	 */
	public static @Nullable String textViolation(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "A string holds an unpaired surrogate (\\u" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
						+ ")";
			}
		}
		return null;
	}

	/** Checks the raw URL parameters: bracket depth and value length. */
	void checkUrl(Map<String, List<String>> params) {
		params.forEach((key, values) -> {
			if (key.length() > this.maxStringLength) {
				throw TidingsException
					.invalidQuery("A parameter name is longer than " + this.maxStringLength + " characters");
			}
			if (UrlParameters.path(key).size() - 1 > this.maxDepth) {
				throw TidingsException.invalidQuery("\"" + UrlParameters.path(key).get(0) + "\" is nested deeper than "
						+ this.maxDepth + " levels");
			}
			for (String value : values) {
				if (value != null && value.length() > this.maxStringLength) {
					throw TidingsException
						.invalidQuery("A value is longer than " + this.maxStringLength + " characters");
				}
			}
		});
	}

	/**
	 * The limit a query may use, as Directus applies {@code QUERY_LIMIT_MAX}: {@code -1}
	 * means the ceiling, more is refused, and a ceiling below the default limit lowers
	 * it.
	 */
	@Nullable Integer limit(@Nullable Integer limit) {
		if (this.queryLimitMax < 0) {
			return limit;
		}
		if (limit == null) {
			return (this.queryLimitMax < Query.DEFAULT_LIMIT) ? this.queryLimitMax : null;
		}
		if (limit == -1) {
			return this.queryLimitMax;
		}
		if (limit > this.queryLimitMax) {
			throw TidingsException.invalidQuery("\"limit\" must be less than or equal to " + this.queryLimitMax);
		}
		return limit;
	}

	private static void positive(int value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
