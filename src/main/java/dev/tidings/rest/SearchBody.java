package dev.tidings.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The body of a {@code SEARCH}: an object with a {@code query} (which replaces the URL
 * query, so a long filter need not fit in a URL) and/or {@code keys} (which reads those
 * items only). Anything else is {@code INVALID_PAYLOAD}, as Directus validates it.
 *
 * @param query the query of the body, or the URL's when the body has none
 * @param keys the keys to read, or null to read by the query alone
 */
record SearchBody(Query query, @Nullable List<Object> keys) {

	private static final Set<String> MEMBERS = Set.of("query", "keys");

	@SuppressWarnings("unchecked")
	static SearchBody of(@Nullable Object body, Query urlQuery, QueryParser queries) {
		Map<String, Object> search = Payloads.object(body, "The payload");
		for (String member : search.keySet()) {
			if (!MEMBERS.contains(member)) {
				throw TidingsException.invalidPayload("\"" + member + "\" is not allowed");
			}
		}
		Query query = urlQuery;
		if (search.containsKey("query")) {
			query = queries.fromJson((Map<String, ?>) Payloads.object(search.get("query"), "\"query\""));
		}
		List<Object> keys = search.containsKey("keys") ? Payloads.keys(search.get("keys")) : null;
		return new SearchBody(query, keys);
	}

}
