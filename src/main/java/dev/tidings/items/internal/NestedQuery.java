package dev.tidings.items.internal;

import java.util.List;

import dev.tidings.query.BoundFilter;
import dev.tidings.query.Query;
import dev.tidings.query.SortField;
import org.jspecify.annotations.Nullable;

/**
 * How the related items of one selected relation are chosen for each parent: the
 * {@code deep} query bound to the caller. For a to-many relation the filter also holds
 * the rows the caller may read, so that limits count only those; a to-one relation uses
 * only the filter.
 *
 * @param filter the related items to keep (deep filter and search, limited to visible
 * fields, AND the caller's row rules), or null for all
 * @param sort the order of each parent's list; the primary key when empty
 * @param limit items per parent ({@code -1} for all), or null for Directus's default
 * @param offset items to skip per parent, or null
 * @param page the 1-based page per parent, or null
 */
public record NestedQuery(@Nullable BoundFilter filter, List<SortField> sort, @Nullable Integer limit,
		@Nullable Integer offset, @Nullable Integer page) {

	public NestedQuery {
		sort = List.copyOf(sort);
	}

	/**
	 * The items of one parent's full, ordered list that this query keeps. Directus slices
	 * each parent's list in memory: the page first, then the offset, then the limit, so
	 * both a page and an offset skip; a page without a limit is ignored.
	 */
	public <T> List<T> slice(List<T> ordered) {
		int limit = (this.limit != null) ? this.limit : Query.DEFAULT_LIMIT;
		long skip = (this.offset != null) ? this.offset : 0;
		if (this.page != null && this.page > 1 && limit >= 0) {
			skip += (long) limit * (this.page - 1);
		}
		int from = (int) Math.min(skip, ordered.size());
		int to = (limit < 0) ? ordered.size() : (int) Math.min((long) from + limit, ordered.size());
		return ordered.subList(from, to);
	}

}
