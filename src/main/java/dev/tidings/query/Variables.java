package dev.tidings.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The values of the dynamic variables ({@code $CURRENT_USER}, {@code $CURRENT_ROLE},
 * {@code $CURRENT_ROLES}, {@code $CURRENT_POLICIES}, {@code $NOW}) for one caller at one
 * moment.
 */
public record Variables(@Nullable Object currentUser, @Nullable Object currentRole, List<Object> currentRoles,
		List<Object> currentPolicies, Instant now) {

	public Variables {
		currentRoles = List.copyOf(currentRoles);
		currentPolicies = List.copyOf(currentPolicies);
	}

	/** No caller identity, with the given time for {@code $NOW}. */
	public static Variables anonymous(Instant now) {
		return new Variables(null, null, List.of(), List.of(), now);
	}

	/**
	 * A raw value with a dynamic variable substituted ({@code "$CURRENT_USER"} becomes
	 * the user's key), recursing into lists and objects; anything else is returned as is.
	 * For values outside filters, such as the presets of a permission.
	 */
	public @Nullable Object substitute(@Nullable Object raw) {
		if (DynamicVariables.isVariable(raw)) {
			return new DynamicVariables(this).resolve((String) raw);
		}
		if (raw instanceof List<?> list) {
			return list.stream().map(this::substitute).toList();
		}
		if (raw instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> substituted = new LinkedHashMap<>();
			map.forEach((key, value) -> substituted.put(key, substitute(value)));
			return substituted;
		}
		return raw;
	}

}
