package dev.tidings.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.Decimals;

/**
 * Sanitises the plain query parameters, accepting each in every form a client sends
 * (string, list, JSON number) and failing with Directus's (Joi's) messages.
 */
final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * A field list ({@code fields}, {@code groupBy}, one aggregate): a comma list, or a
	 * list whose entries may themselves be comma lists ({@code fields[]=id,title}).
	 */
	static List<String> fields(@Nullable Object raw, String parameter) {
		List<String> fields = new ArrayList<>();
		for (String entry : strings(raw, parameter)) {
			fields.addAll(CommaList.split(entry, parameter));
		}
		return fields;
	}

	static List<SortField> sort(@Nullable Object raw) {
		List<SortField> sort = new ArrayList<>();
		for (String entry : strings(raw, "sort")) {
			for (String trimmed : CommaList.split(entry, "sort")) {
				boolean descending = trimmed.startsWith("-");
				String path = descending ? trimmed.substring(1) : trimmed;
				sort.add(new SortField(path(path, "sort"), descending));
			}
		}
		return sort;
	}

	/** A dotted field path, each segment non-empty. */
	static List<String> path(String path, String parameter) {
		List<String> segments = Arrays.asList(path.split("\\.", -1));
		if (segments.stream().anyMatch(String::isEmpty)) {
			throw TidingsException.invalidQuery("Invalid field path \"" + path + "\" in \"" + parameter + "\"");
		}
		return segments;
	}

	static @Nullable Integer integer(@Nullable Object raw, String parameter, int min) {
		if (raw == null) {
			return null;
		}
		BigDecimal number = number(raw, parameter);
		if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
			throw TidingsException.invalidQuery("\"" + parameter + "\" must be an integer");
		}
		if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
			throw TidingsException.invalidQuery("\"" + parameter + "\" must be greater than or equal to " + min);
		}
		if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			throw TidingsException
				.invalidQuery("\"" + parameter + "\" must be less than or equal to " + Integer.MAX_VALUE);
		}
		return number.intValue();
	}

	private static BigDecimal number(Object raw, String parameter) {
		try {
			if (raw instanceof String text) {
				return Decimals.parse(text);
			}
			if (raw instanceof Number number) {
				return Decimals.checked(Decimals.of(number));
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the message below
		}
		throw TidingsException.invalidQuery("\"" + parameter + "\" must be a number");
	}

	/**
	 * The search term, trimmed unless nothing would be left; an empty term is no search,
	 * as in Directus.
	 */
	static @Nullable String search(@Nullable Object raw) {
		if (raw == null) {
			return null;
		}
		if (!(raw instanceof String text)) {
			throw TidingsException.invalidQuery("\"search\" must be a string");
		}
		if (text.isEmpty()) {
			return null;
		}
		String trimmed = text.trim();
		return trimmed.isEmpty() ? text : trimmed;
	}

	static Set<Query.Meta> meta(@Nullable Object raw) {
		Set<Query.Meta> meta = EnumSet.noneOf(Query.Meta.class);
		List<String> entries = new ArrayList<>();
		for (String entry : strings(raw, "meta")) {
			entries.addAll(CommaList.split(entry, "meta"));
		}
		for (int i = 0; i < entries.size(); i++) {
			String token = entries.get(i);
			if (token.equals("*")) {
				meta.addAll(EnumSet.allOf(Query.Meta.class));
				continue;
			}
			Query.Meta match = Arrays.stream(Query.Meta.values())
				.filter((candidate) -> candidate.token().equals(token))
				.findFirst()
				.orElse(null);
			if (match == null) {
				throw TidingsException.invalidQuery("\"meta[" + i + "]\" must be one of [total_count, filter_count]");
			}
			meta.add(match);
		}
		return meta;
	}

	/** A string or a list of strings; anything else is refused. */
	private static List<String> strings(@Nullable Object raw, String parameter) {
		if (raw == null) {
			return List.of();
		}
		if (raw instanceof String text) {
			return List.of(text);
		}
		if (raw instanceof List<?> list) {
			List<String> strings = new ArrayList<>(list.size());
			for (Object item : list) {
				if (!(item instanceof String text)) {
					throw TidingsException
						.invalidQuery("\"" + parameter + "\" must be a string or an array of strings");
				}
				strings.add(text);
			}
			return strings;
		}
		throw TidingsException.invalidQuery("\"" + parameter + "\" must be a string or an array of strings");
	}

}
