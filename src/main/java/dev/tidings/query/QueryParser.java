package dev.tidings.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;

/**
 * Parses the Directus query parameters in both of their forms: the URL (raw {@code qs}
 * keys such as {@code filter[status][_eq]}) and the JSON {@code query} object of
 * WebSocket messages and REST bodies, whose values may be real JSON or the string
 * encoding of {@code @directus/sdk}. Both forms share one sanitiser, so they accept the
 * same values and fail with the same messages.
 */
public final class QueryParser {

	private final JsonReader json;

	private final InputLimits limits;

	/** A parser with the default input limits and no ceiling on {@code limit}. */
	public QueryParser(JsonReader json) {
		this(json, InputLimits.DEFAULTS);
	}

	/**
	 * A parser for clients' queries: the JSON reader enforces the limits while decoding,
	 * the parser checks the URL form and caps {@code limit}.
	 */
	public QueryParser(JsonReader json, InputLimits limits) {
		this.json = json;
		this.limits = limits;
	}

	/** The URL form: keys arrive raw, brackets included; unknown keys are ignored. */
	public Query fromUrl(Map<String, List<String>> params) {
		this.limits.checkUrl(params);
		return fromJson(UrlParameters.decode(params));
	}

	/**
	 * The JSON form: each value is real JSON or the SDK's string encoding
	 * ({@code fields:"id,title"}, {@code filter:"{…}"}, {@code limit:"10"}).
	 */
	public Query fromJson(Map<String, ?> query) {
		DeepParser deep = new DeepParser(this::decode, this::filter, this.limits);
		Query parsed = new Query(QueryParameters.fields(query.get("fields"), "fields"), filter(query.get("filter")),
				QueryParameters.sort(query.get("sort")),
				this.limits.limit(QueryParameters.integer(query.get("limit"), "limit", -1)),
				QueryParameters.integer(query.get("offset"), "offset", 0),
				QueryParameters.integer(query.get("page"), "page", 0), QueryParameters.search(query.get("search")),
				QueryParameters.meta(query.get("meta")), aggregate(query.get("aggregate")),
				QueryParameters.fields(query.get("groupBy"), "groupBy"), deep.deep(query.get("deep")),
				deep.alias(query.get("alias"), "alias"), DeepParser.backlink(query.get("backlink")));
		checkDepth(parsed.fields(), "fields");
		checkDepth(parsed.groupBy(), "groupBy");
		checkDepth(parsed.sort().stream().map((key) -> String.join(".", key.path())).toList(), "sort");
		return parsed;
	}

	/** A JSON-encoded parameter decoded; a blank one is absent, other values pass. */
	private @Nullable Object decode(@Nullable Object raw, String reason) {
		if (raw instanceof String text) {
			return text.isBlank() ? null : read(text, reason);
		}
		return raw;
	}

	/**
	 * Refuses paths through more relations than Directus's default
	 * {@code MAX_RELATIONAL_DEPTH}: {@code *.*.*…} repeated doubles what a read renders
	 * at each level through a relation and back.
	 */
	private static void checkDepth(List<String> paths, String parameter) {
		for (String path : paths) {
			if (path.split("\\.", -1).length - 1 > Query.MAX_RELATIONAL_DEPTH) {
				throw TidingsException.invalidQuery("Max relational depth exceeded: \"" + parameter
						+ "\" goes through at most " + Query.MAX_RELATIONAL_DEPTH + " relations");
			}
		}
	}

	/**
	 * The raw filter tree (maps, lists and scalars) as a {@link Filter} with raw values,
	 * or null for no filter.
	 */
	public @Nullable Filter parseFilter(@Nullable Object json) {
		return FilterParser.parse(json);
	}

	private @Nullable Filter filter(@Nullable Object raw) {
		if (raw instanceof String text) {
			if (text.isBlank()) {
				return null;
			}
			return FilterParser.parse(read(text, "Invalid JSON for filter object"));
		}
		return FilterParser.parse(raw);
	}

	private Map<AggregateFunction, List<String>> aggregate(@Nullable Object raw) {
		Object value = raw;
		if (raw instanceof String text) {
			if (text.isBlank()) {
				return Map.of();
			}
			value = read(text, "Invalid JSON for aggregate object");
		}
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> functions)) {
			throw TidingsException.invalidQuery("\"aggregate\" must be of type object");
		}
		Map<AggregateFunction, List<String>> aggregate = new LinkedHashMap<>();
		functions.forEach((token, fields) -> {
			AggregateFunction function = AggregateFunction.fromToken(String.valueOf(token))
				.orElseThrow(() -> TidingsException.invalidQuery("Unknown aggregate function \"" + token + "\""));
			List<String> list = QueryParameters.fields(fields, "aggregate[" + token + "]");
			if (function == AggregateFunction.COUNT_ALL) {
				// counts rows, so the fields it names do not matter, as in Directus
				list = List.of("*");
			}
			if (list.isEmpty()) {
				throw TidingsException.invalidQuery("\"aggregate[" + token + "]\" needs a field");
			}
			aggregate.put(function, list);
		});
		return aggregate;
	}

	private @Nullable Object read(String text, String reason) {
		try {
			return this.json.read(text);
		}
		catch (TidingsException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// The port promises IllegalArgumentException, but any failure to decode the
			// client's text is the client's error, not a 500.
			throw TidingsException.invalidQuery(reason);
		}
	}

}
