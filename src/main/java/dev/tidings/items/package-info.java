/**
 * The one permission-enforcing CRUD path that REST and WebSocket both call: applies a
 * {@code Grant}, translates filters to JPA Criteria, and projects the requested fields.
 * Writes go through JPA entity operations only, never bulk JPQL, so every change is seen
 * by {@code events}.
 */
@NullMarked
package dev.tidings.items;

import org.jspecify.annotations.NullMarked;
