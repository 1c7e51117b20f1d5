package dev.tidings.items.internal;

import dev.tidings.query.BoundFilter;
import dev.tidings.security.Grant;
import org.jspecify.annotations.Nullable;

/**
 * A grant whose row rule is bound to the collection and to the caller's dynamic
 * variables, ready for the SQL translation and the in-memory matcher.
 *
 * @param rule the bound row rule, or null when the grant covers every row
 * @param grant the grant as the policy gave it (fields, raw validation and presets)
 */
public record BoundGrant(@Nullable BoundFilter rule, Grant grant) {

	public boolean unrestricted() {
		return this.rule == null;
	}

	public boolean allowsField(String field) {
		return this.grant.allowsField(field);
	}

}
