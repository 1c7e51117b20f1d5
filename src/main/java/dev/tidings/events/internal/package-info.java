/**
 * How the events module records changes: snapshots from Hibernate's state arrays, the
 * per-transaction change set with its merge rules, and the binding of that set to the
 * transaction that commits it. Nothing here is published before a commit.
 */
@NullMarked
package dev.tidings.events.internal;

import org.jspecify.annotations.NullMarked;
