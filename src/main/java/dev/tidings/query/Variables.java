package dev.tidings.query;

import java.time.Instant;
import java.util.List;

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

}
