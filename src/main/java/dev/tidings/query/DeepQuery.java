package dev.tidings.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code deep} query of one relation: how the related items of each parent are
 * filtered, ordered and paged, and the deep queries of the relations below it.
 *
 * @param filter {@code _filter}, with raw values, or null
 * @param sort {@code _sort}
 * @param limit {@code _limit} ({@code -1} for all), or null for the default
 * @param offset {@code _offset}, or null
 * @param page {@code _page}, or null
 * @param search {@code _search}, or null
 * @param alias {@code _alias}: keys of this level naming another field of it
 * @param nested the deep queries of the relations of the related collection, by key
 */
public record DeepQuery(@Nullable Filter filter, List<SortField> sort, @Nullable Integer limit,
		@Nullable Integer offset, @Nullable Integer page, @Nullable String search, Map<String, String> alias,
		Map<String, DeepQuery> nested) {

	public static final DeepQuery NONE = new DeepQuery(null, List.of(), null, null, null, null, Map.of(), Map.of());

	public DeepQuery {
		sort = List.copyOf(sort);
		alias = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alias));
		nested = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nested));
	}

	/** The deep query of a relation below this one, or {@link #NONE}. */
	public DeepQuery of(String key) {
		return this.nested.getOrDefault(key, NONE);
	}

}
