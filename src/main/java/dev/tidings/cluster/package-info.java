/**
 * Multi-instance delivery: a {@code ChangeBus} shared through one Redis stream, the
 * cross-node invalidation of security caches in the same stream, and their health and
 * meters, switched on by configuring a Redis server. The only module that touches Redis,
 * through a Lettuce client of its own (never the host's connection factory); it knows
 * {@code events} and nothing above it.
 */
@NullMarked
package dev.tidings.cluster;

import org.jspecify.annotations.NullMarked;
