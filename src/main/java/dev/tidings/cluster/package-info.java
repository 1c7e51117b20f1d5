/**
 * Multi-instance delivery: a Redis-backed {@code ChangeBus} and cross-node cache
 * invalidation, switched on by configuring a Redis URL. The only module that touches
 * Spring Data Redis or Lettuce; it knows {@code events} and nothing above it.
 */
@NullMarked
package dev.tidings.cluster;

import org.jspecify.annotations.NullMarked;
