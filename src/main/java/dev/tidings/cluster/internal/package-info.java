/**
 * How the cluster module moves entries through Redis: the typed value codec, the stream
 * entry, the entries Redis has not given back yet (UnconfirmedEntries), the relay
 * deciding what is delivered locally and when, and the reader and writer threads with
 * their own Lettuce connections. Nothing outside {@code cluster} uses it.
 */
@NullMarked
package dev.tidings.cluster.internal;

import org.jspecify.annotations.NullMarked;
