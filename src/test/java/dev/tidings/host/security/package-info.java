/**
 * Hosts with Spring Security of their own: Tidings' routes must work unchanged next to
 * them, and the host's routes stay guarded as the host configured them.
 */
@NullMarked
package dev.tidings.host.security;

import org.jspecify.annotations.NullMarked;
