/**
 * Which JPA entities are content collections, and their fields, keys, types and
 * relations, read from the JPA metamodel once at start-up. The public types are plain
 * Java so that the pure {@code query} module can use them; only {@code internal} touches
 * JPA.
 */
@NullMarked
package dev.tidings.schema;

import org.jspecify.annotations.NullMarked;
