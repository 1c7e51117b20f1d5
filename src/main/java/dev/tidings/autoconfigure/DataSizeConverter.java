package dev.tidings.autoconfigure;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.util.unit.DataSize;

/**
 * Reads sizes as Directus's settings write them ({@code FILES_MAX_UPLOAD_SIZE=100mb},
 * {@code 1.5 GB}), not only in Spring's case-sensitive form ({@code 100MB}): units in any
 * case, an optional space, a decimal amount, powers of 1024. A bare number is bytes, as
 * in both.
 */
final class DataSizeConverter implements Converter<String, DataSize> {

	private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]{0,2})");

	private static final Map<String, Long> UNITS = Map.of("", 1L, "b", 1L, "kb", 1L << 10, "mb", 1L << 20, "gb",
			1L << 30, "tb", 1L << 40);

	@Override
	public DataSize convert(String source) {
		Matcher matcher = SIZE.matcher(source.trim());
		Long unit = matcher.matches() ? UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT)) : null;
		if (unit == null) {
			throw new IllegalArgumentException("'" + source + "' is not a size such as 100mb, 1.5 GB or 1048576");
		}
		try {
			return DataSize.ofBytes(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit))
				.toBigInteger()
				.longValueExact());
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("'" + source + "' is too large a size", ex);
		}
	}

}
