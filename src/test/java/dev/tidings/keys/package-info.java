/**
 * A small host model with one content collection per kind of generated key (identity,
 * sequence, UUID, Hibernate's {@code @UuidGenerator}, a primitive identity) and an entity
 * outside the content collections, to drive keys a client gives on create. It runs in an
 * application context of its own.
 */
@NullMarked
package dev.tidings.keys;

import org.jspecify.annotations.NullMarked;
