/**
 * Thin HTTP adapters for the Directus REST API (items, auth, users, roles, policies,
 * permissions, server, activity, revisions and their revert) and the error envelope.
 * Parses requests, calls {@code items} or {@code security}, writes responses; no business
 * rules here, and no imports of {@code realtime}.
 */
@NullMarked
package dev.tidings.rest;

import org.jspecify.annotations.NullMarked;
