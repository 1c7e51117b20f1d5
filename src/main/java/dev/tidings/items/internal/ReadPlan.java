package dev.tidings.items.internal;

import dev.tidings.query.BoundFilter;
import org.jspecify.annotations.Nullable;

/**
 * How one read runs for one caller, once its paths are checked against the grants.
 *
 * @param selection the fields to render, or null for an aggregate
 * @param filter the rows to return: the caller's filter and search, limited to visible
 * fields, AND the rows the grants reach; null for all
 * @param permitted the rows the grants reach (what {@code total_count} counts), null for
 * all
 * @param grants the caller's read grants on the collection
 */
public record ReadPlan(@Nullable Selection selection, @Nullable BoundFilter filter, @Nullable BoundFilter permitted,
		CollectionGrants grants) {

}
