package dev.tidings.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;

/**
 * Turns a decoded filter object into a {@link Filter} with raw values, normalising it as
 * Directus's {@code parseFilter} does and validating it as its {@code validateQuery}
 * does. Where Directus silently drops a malformed part (which widens what a permission
 * rule grants), this parser refuses the filter instead.
 */
final class FilterParser {

	private FilterParser() {
	}

	/** The filter, or null for no filter (absent or {@code {}}). */
	static @Nullable Filter parse(@Nullable Object raw) {
		if (raw == null) {
			return null;
		}
		if (!(raw instanceof Map<?, ?> map)) {
			throw TidingsException.invalidQuery("\"filter\" must be of type object");
		}
		return map.isEmpty() ? null : object(map, List.of());
	}

	/** One filter object; {@code prefix} is the field path the object sits under. */
	private static Filter object(Map<?, ?> object, List<String> prefix) {
		List<Filter> parts = new ArrayList<>(object.size());
		object.forEach((key, value) -> parts.add(entry(String.valueOf(key), value, prefix)));
		return (parts.size() == 1) ? parts.get(0) : new Filter.And(parts);
	}

	private static Filter entry(String key, @Nullable Object value, List<String> prefix) {
		if (key.equals("_and") || key.equals("_or")) {
			// Logical operators under a field are hoisted: each branch keeps the prefix.
			List<Filter> branches = logical(key, value).stream().map((branch) -> object(branch, prefix)).toList();
			return key.equals("_and") ? new Filter.And(branches) : new Filter.Or(branches);
		}
		if (key.equals("_some") || key.equals("_none")) {
			return relational(key, value, prefix);
		}
		if (key.startsWith("_")) {
			FilterOperator operator = FilterOperator.fromToken(key)
				.orElseThrow(() -> TidingsException.invalidQuery("Unknown filter operator \"" + key + "\""));
			if (prefix.isEmpty()) {
				throw TidingsException.invalidQuery("The filter operator \"" + key + "\" needs a field");
			}
			return new Filter.Condition(prefix, operator, FilterValues.operand(operator, value));
		}
		List<String> path = append(prefix, key);
		if (value instanceof Map<?, ?> nested) {
			if (nested.isEmpty()) {
				throw TidingsException.invalidQuery("The filter for \"" + String.join(".", path) + "\" is empty");
			}
			return object(nested, path);
		}
		// A bare value means _eq.
		return new Filter.Condition(path, FilterOperator.EQ, FilterValues.operand(FilterOperator.EQ, value));
	}

	private static List<Map<?, ?>> logical(String key, @Nullable Object value) {
		Collection<?> items = List.of();
		if (value instanceof List<?> list) {
			items = list;
		}
		else if (value instanceof Map<?, ?> indexed && indexed.keySet().stream().allMatch(FilterParser::isIndex)) {
			// qs gives an object instead of an array for large or sparse indices.
			items = indexed.values();
		}
		List<Map<?, ?>> branches = new ArrayList<>(items.size());
		for (Object item : items) {
			if (!(item instanceof Map<?, ?> branch) || branch.isEmpty()) {
				branches.clear();
				break;
			}
			branches.add(branch);
		}
		if (branches.isEmpty()) {
			throw TidingsException.invalidQuery("\"" + key + "\" has to be a non-empty array of filter objects");
		}
		return branches;
	}

	private static Filter relational(String key, @Nullable Object value, List<String> prefix) {
		if (prefix.isEmpty()) {
			throw TidingsException.invalidQuery("\"" + key + "\" can only be used on a one-to-many relational field");
		}
		if (!(value instanceof Map<?, ?> inner)) {
			throw TidingsException.invalidQuery("\"" + key + "\" has to be a filter object");
		}
		// An empty inner filter is meaningful here: "has at least one item" / "has none".
		Filter filter = inner.isEmpty() ? new Filter.And(List.of()) : object(inner, List.of());
		return key.equals("_some") ? new Filter.Some(prefix, filter) : new Filter.None(prefix, filter);
	}

	private static boolean isIndex(Object key) {
		String text = String.valueOf(key);
		return !text.isEmpty() && text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static List<String> append(List<String> prefix, String key) {
		List<String> path = new ArrayList<>(prefix.size() + 1);
		path.addAll(prefix);
		path.add(key);
		return path;
	}

	/** Validation and coercion of operator values. */
	static final class FilterValues {

		private FilterValues() {
		}

		static @Nullable Object operand(FilterOperator operator, @Nullable Object raw) {
			if (operator.takesList()) {
				return list(operator, raw);
			}
			Object value = coerce(raw);
			if (operator.takesFlag()) {
				// Directus lets null and "" through its boolean check and then treats
				// anything but false as true
				if (value == null || "".equals(value)) {
					return Boolean.TRUE;
				}
				if (!(value instanceof Boolean)) {
					throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be a boolean");
				}
				return value;
			}
			return scalar(operator, value);
		}

		private static List<@Nullable Object> list(FilterOperator operator, @Nullable Object raw) {
			Collection<?> items;
			if (raw instanceof String text) {
				items = List.of(text.split(",", -1));
			}
			else if (raw instanceof Map<?, ?> indexed) {
				// qs gives an object instead of an array for large or sparse indices.
				items = indexed.values();
			}
			else if (raw instanceof List<?> list) {
				items = list;
			}
			else {
				items = List.of();
			}
			List<@Nullable Object> values = new ArrayList<>(items.size());
			for (Object item : items) {
				Object value = coerce(item);
				if (value instanceof Map || value instanceof List) {
					throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be an array of values");
				}
				if (value != null) {
					checkNumber(operator, value);
				}
				values.add(value);
			}
			if (values.isEmpty()) {
				throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be an array of values");
			}
			boolean between = operator == FilterOperator.BETWEEN || operator == FilterOperator.NBETWEEN;
			if (between && values.size() != 2) {
				// Directus silently skips such a condition, which widens the result.
				throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be an array of two values");
			}
			return values;
		}

		private static @Nullable Object scalar(FilterOperator operator, @Nullable Object value) {
			if (value == null || value instanceof Boolean) {
				return value;
			}
			if (value instanceof String text) {
				if (text.isEmpty()) {
					throw TidingsException.invalidQuery("You can't filter for an empty string in \"" + operator.token()
							+ "\". Use \"_empty\" or \"_nempty\" instead");
				}
				return text;
			}
			if (value instanceof Number) {
				checkNumber(operator, value);
				return value;
			}
			throw TidingsException.invalidQuery(
					"The filter value for \"" + operator.token() + "\" has to be a string, number, or boolean");
		}

		private static void checkNumber(FilterOperator operator, Object value) {
			if ((value instanceof Double d && !Double.isFinite(d))
					|| (value instanceof Float f && !Float.isFinite(f))) {
				throw TidingsException
					.invalidQuery("The filter value for \"" + operator.token() + "\" is not a valid number");
			}
		}

		/**
		 * Directus's global string coercion: the literal strings {@code true},
		 * {@code false}, {@code null} and {@code NULL} can never be matched as text.
		 */
		static @Nullable Object coerce(@Nullable Object value) {
			if (value instanceof String text) {
				switch (text) {
					case "true":
						return Boolean.TRUE;
					case "false":
						return Boolean.FALSE;
					case "null", "NULL":
						return null;
					default:
						return text;
				}
			}
			return value;
		}

	}

}
