package dev.tidings.items.internal;

import java.util.List;
import java.util.Objects;

import dev.tidings.query.BoundFilter;
import dev.tidings.schema.CollectionSchema;
import org.jspecify.annotations.Nullable;

/**
 * The caller's grants for one collection and action. Grants are additive: a row is
 * reachable through any grant's rule, and a field through any grant that lists it.
 *
 * @param collection the collection the grants are for
 * @param grants at least one grant
 */
public record CollectionGrants(CollectionSchema collection, List<BoundGrant> grants) {

	public CollectionGrants {
		grants = List.copyOf(grants);
		if (grants.isEmpty()) {
			throw new IllegalArgumentException("No grants: the collection is not accessible at all");
		}
	}

	/** Whether any grant lists the field. */
	public boolean allows(String field) {
		return this.grants.stream().anyMatch((grant) -> grant.allowsField(field));
	}

	/**
	 * The rows the grants reach: the OR of their rules, or null when one grant covers
	 * every row.
	 */
	public @Nullable BoundFilter rows() {
		return anyOf(this.grants);
	}

	/**
	 * Where the field may be seen: null when a grant covering every row lists it,
	 * otherwise the OR of the rules of the grants that list it (matching nothing when
	 * none does). A row outside it shows the field as null.
	 */
	public @Nullable BoundFilter fieldRule(String field) {
		return anyOf(this.grants.stream().filter((grant) -> grant.allowsField(field)).toList());
	}

	private static @Nullable BoundFilter anyOf(List<BoundGrant> grants) {
		if (grants.stream().anyMatch(BoundGrant::unrestricted)) {
			return null;
		}
		List<BoundFilter> rules = grants.stream().map(BoundGrant::rule).map(Objects::requireNonNull).toList();
		return (rules.size() == 1) ? rules.get(0) : new BoundFilter.Or(rules);
	}

}
