package dev.tidings.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;

/**
 * Reads {@code deep}, {@code alias} and {@code backlink}. A deep level's {@code _} keys
 * are sub-queries sanitised as the top-level parameters are, so {@code _limit} fails as
 * {@code limit} does; any other {@code _} key is refused rather than silently ignored,
 * and root-level {@code _} keys are ignored as Directus ignores them.
 */
final class DeepParser {

	private final BiFunction<@Nullable Object, String, @Nullable Object> json;

	private final Function<@Nullable Object, @Nullable Filter> filters;

	private final InputLimits limits;

	/**
	 * @param json decodes a JSON-encoded parameter (other values pass through), failing
	 * with the given reason
	 * @param filters parses a filter in any of its forms
	 */
	DeepParser(BiFunction<@Nullable Object, String, @Nullable Object> json,
			Function<@Nullable Object, @Nullable Filter> filters, InputLimits limits) {
		this.json = json;
		this.filters = filters;
		this.limits = limits;
	}

	Map<String, DeepQuery> deep(@Nullable Object raw) {
		Object value = this.json.apply(raw, "Invalid JSON for deep object");
		if (value == null) {
			return Map.of();
		}
		Map<?, ?> root = object(value, "deep");
		Map<String, DeepQuery> deep = new LinkedHashMap<>();
		root.forEach((key, level) -> {
			String name = String.valueOf(key);
			if (!name.startsWith("_")) {
				deep.put(checkedKey(name, "deep"), level(object(level, "deep[" + name + "]"), "deep[" + name + "]"));
			}
		});
		return deep;
	}

	Map<String, String> alias(@Nullable Object raw, String parameter) {
		Object value = this.json.apply(raw, "Invalid JSON for " + parameter + " object");
		if (value == null) {
			return Map.of();
		}
		Map<String, String> alias = new LinkedHashMap<>();
		object(value, parameter).forEach((key, field) -> {
			if (!(field instanceof String name) || name.isBlank()) {
				throw TidingsException.invalidQuery("\"" + parameter + "[" + key + "]\" must be a field name");
			}
			String checked = checkedKey(String.valueOf(key), parameter);
			if (checked.contains(".") || name.contains(".")) {
				throw TidingsException.invalidQuery("\"" + parameter + "\" keys and values can't contain a period");
			}
			alias.put(checked, name.trim());
		});
		return alias;
	}

	/** Only {@code false} (or the string) turns backlinks off, as in Directus. */
	static boolean backlink(@Nullable Object raw) {
		return !(Boolean.FALSE.equals(raw) || "false".equals(raw));
	}

	private DeepQuery level(Map<?, ?> level, String parameter) {
		Filter filter = null;
		List<SortField> sort = List.of();
		Integer limit = null;
		Integer offset = null;
		Integer page = null;
		String search = null;
		Map<String, String> alias = Map.of();
		Map<String, DeepQuery> nested = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : level.entrySet()) {
			String key = String.valueOf(entry.getKey());
			Object value = entry.getValue();
			String name = parameter + "[" + key + "]";
			switch (key) {
				case "_filter" -> filter = this.filters.apply(value);
				case "_sort" -> sort = QueryParameters.sort(value);
				case "_limit" -> limit = this.limits.limit(QueryParameters.integer(value, name, -1));
				case "_offset" -> offset = QueryParameters.integer(value, name, 0);
				case "_page" -> page = QueryParameters.integer(value, name, 0);
				case "_search" -> search = QueryParameters.search(value);
				case "_alias" -> alias = alias(value, name);
				default -> {
					if (key.startsWith("_")) {
						throw TidingsException.invalidQuery("\"" + parameter + "\" does not take \"" + key
								+ "\" (only _filter, _sort, _limit, _offset, _page, _search and _alias)");
					}
					nested.put(checkedKey(key, parameter), level(object(value, name), name));
				}
			}
		}
		return new DeepQuery(filter, sort, limit, offset, page, search, alias, nested);
	}

	private Map<?, ?> object(@Nullable Object value, String parameter) {
		Object decoded = this.json.apply(value, "Invalid JSON for " + parameter);
		if (!(decoded instanceof Map<?, ?> map)) {
			throw TidingsException.invalidQuery("\"" + parameter + "\" must be of type object");
		}
		return map;
	}

	private static String checkedKey(String key, String parameter) {
		if (key.isBlank()) {
			throw TidingsException.invalidQuery("\"" + parameter + "\" has an empty key");
		}
		return key;
	}

}
