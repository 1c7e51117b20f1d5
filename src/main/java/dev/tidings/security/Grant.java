package dev.tidings.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.tidings.query.Filter;
import org.jspecify.annotations.Nullable;

/**
 * What one permission row lets its policies' holders do with one collection and action:
 * the rows ({@code rule}, unbound, with dynamic variables still in it; null for all
 * rows), the fields ({@code *} for all), the payload {@code validation} (null for none)
 * and the {@code presets} a write starts from. Grants are additive: a caller may do what
 * any of its grants allows.
 *
 * @param rule the item filter, or null when the grant covers every row
 * @param fields the granted field names, or {@code *}
 * @param validation the filter a written payload must pass, or null
 * @param presets default values for writes, as JSON values
 */
public record Grant(@Nullable Filter rule, Set<String> fields, @Nullable Filter validation,
		Map<String, @Nullable Object> presets) {

	public Grant {
		fields = Set.copyOf(fields);
		presets = Collections.unmodifiableMap(new LinkedHashMap<>(presets));
	}

	/** Whether the grant covers every row (no item rule). */
	public boolean unrestricted() {
		return this.rule == null || isEmpty(this.rule);
	}

	public boolean allowsField(String field) {
		return this.fields.contains("*") || this.fields.contains(field);
	}

	private static boolean isEmpty(Filter filter) {
		return filter instanceof Filter.And and && and.filters().isEmpty();
	}

}
