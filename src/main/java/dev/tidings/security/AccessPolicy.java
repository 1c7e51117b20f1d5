package dev.tidings.security;

import java.util.List;

/**
 * Turns a caller into the grants its policies hold. Answers come from a cache that every
 * change to users, roles, policies, access or permissions invalidates, so a change
 * applies to the next request.
 */
public interface AccessPolicy {

	/**
	 * The grants of the caller's policies for one collection and action; empty when the
	 * caller may not perform the action at all. Not consulted for admins, who bypass
	 * permissions.
	 */
	List<Grant> grants(Accountability who, String collection, Action action);

}
