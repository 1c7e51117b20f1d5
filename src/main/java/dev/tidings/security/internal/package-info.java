/**
 * The security model's persistence: JPA entities of Tidings' own tables (created by its
 * own migrations, never by the host's schema tools), and the cached resolution of callers
 * into policies and grants.
 */
@NullMarked
package dev.tidings.security.internal;

import org.jspecify.annotations.NullMarked;
