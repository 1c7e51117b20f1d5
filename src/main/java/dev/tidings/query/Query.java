package dev.tidings.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A parsed Directus query. Absent parameters are empty lists, empty maps or null; the
 * items layer applies the defaults ({@code fields=*}, {@code limit=100}).
 *
 * @param fields the requested field paths ({@code *}, {@code author.*},
 * {@code comments.body})
 * @param filter the filter, with raw values, or null
 * @param sort the sort keys
 * @param limit the row limit ({@code -1} for all), or null for the default
 * @param offset rows to skip, or null
 * @param page the 1-based page, or null
 * @param search the full-text term, or null
 * @param meta the requested counts
 * @param aggregate fields per aggregate function ({@code *} for a row count)
 * @param groupBy the grouping fields
 * @param deep the deep queries of the selected relations, by key
 * @param alias keys of the top level naming another field of it
 * @param backlink whether {@code *.*} wildcards expand the relation back to the parent a
 * level was reached from
 */
public record Query(List<String> fields, @Nullable Filter filter, List<SortField> sort, @Nullable Integer limit,
		@Nullable Integer offset, @Nullable Integer page, @Nullable String search, Set<Meta> meta,
		Map<AggregateFunction, List<String>> aggregate, List<String> groupBy, Map<String, DeepQuery> deep,
		Map<String, String> alias, boolean backlink) {

	/**
	 * Directus's {@code QUERY_LIMIT_DEFAULT}: the rows a read returns without a limit.
	 */
	public static final int DEFAULT_LIMIT = 100;

	/**
	 * Directus's default {@code MAX_RELATIONAL_DEPTH}: the most relations a path of
	 * {@code fields}, {@code sort} or {@code groupBy} goes through.
	 */
	public static final int MAX_RELATIONAL_DEPTH = 10;

	public static final Query EMPTY = new Query(List.of(), null, List.of(), null, null, null, null, Set.of(), Map.of(),
			List.of());

	public Query {
		fields = List.copyOf(fields);
		sort = List.copyOf(sort);
		meta = Set.copyOf(meta);
		aggregate = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aggregate));
		groupBy = List.copyOf(groupBy);
		deep = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deep));
		alias = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alias));
	}

	/** A query without {@code deep} or {@code alias}, backlinks followed. */
	public Query(List<String> fields, @Nullable Filter filter, List<SortField> sort, @Nullable Integer limit,
			@Nullable Integer offset, @Nullable Integer page, @Nullable String search, Set<Meta> meta,
			Map<AggregateFunction, List<String>> aggregate, List<String> groupBy) {
		this(fields, filter, sort, limit, offset, page, search, meta, aggregate, groupBy, Map.of(), Map.of(), true);
	}

	public Query withFilter(@Nullable Filter filter) {
		return new Query(this.fields, filter, this.sort, this.limit, this.offset, this.page, this.search, this.meta,
				this.aggregate, this.groupBy, this.deep, this.alias, this.backlink);
	}

	public Query withLimit(@Nullable Integer limit) {
		return withPaging(limit, this.offset, this.page);
	}

	public Query withPaging(@Nullable Integer limit, @Nullable Integer offset, @Nullable Integer page) {
		return new Query(this.fields, this.filter, this.sort, limit, offset, page, this.search, this.meta,
				this.aggregate, this.groupBy, this.deep, this.alias, this.backlink);
	}

	/** The deep query of a top-level relation, or {@link DeepQuery#NONE}. */
	public DeepQuery deepOf(String key) {
		return this.deep.getOrDefault(key, DeepQuery.NONE);
	}

	public boolean isAggregate() {
		return !this.aggregate.isEmpty();
	}

	/** The counts of {@code meta}. */
	public enum Meta {

		TOTAL_COUNT("total_count"), FILTER_COUNT("filter_count");

		private final String token;

		Meta(String token) {
			this.token = token;
		}

		public String token() {
			return this.token;
		}

	}

}
