package dev.tidings.security;

import java.util.List;
import java.util.Map;

/**
 * Turns a caller into the grants its policies hold. Answers come from a cache that every
 * change to users, roles, policies, access or permissions invalidates, so a change
 * applies to the next request.
 */
public interface AccessPolicy {

	/**
	 * Every grant of the caller's policies, by collection and action, in policy order
	 * (when presets are merged, later grants win). Not consulted for admins, who bypass
	 * permissions.
	 */
	Map<String, Map<Action, List<Grant>>> grants(Accountability who);

	/**
	 * The grants for one collection and action; empty when the caller may not perform the
	 * action at all.
	 */
	default List<Grant> grants(Accountability who, String collection, Action action) {
		return grants(who).getOrDefault(collection, Map.of()).getOrDefault(action, List.of());
	}

}
