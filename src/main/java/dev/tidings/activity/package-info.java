/**
 * Activity and revisions ({@code directus_activity}, {@code directus_revisions}): who
 * changed what, when and from where, and each item's row after the change. Fed by the
 * same per-transaction change records as pushes, written in the transaction that made the
 * changes; read through {@code items} like any collection. Never records its own rows.
 */
@NullMarked
package dev.tidings.activity;

import org.jspecify.annotations.NullMarked;
