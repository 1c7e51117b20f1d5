/**
 * A second content model that was not designed for the demo: a lending library of
 * authors, books, genres, members, loans, staff and events. It carries every JPA mapping
 * Tidings promises to expose, so the tests here drive each one over REST, WebSocket and
 * the SDK. It is test-only and runs in an application context of its own.
 */
@NullMarked
package dev.tidings.library;

import org.jspecify.annotations.NullMarked;
