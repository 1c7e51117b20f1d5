/**
 * The realtime module's machinery: sessions, the subscription index, the protocol
 * handlers and the fan-out dispatcher. Private to {@code realtime}.
 */
@NullMarked
package dev.tidings.realtime.internal;

import org.jspecify.annotations.NullMarked;
