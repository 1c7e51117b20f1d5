/**
 * The {@code /websocket} endpoint: protocol codec, sessions, the subscription index and
 * the dispatcher that fans each change out to matching subscriptions, grouped so each
 * payload is computed once, and its load as health and meters. The only module that
 * touches Spring WebSocket; it never imports {@code rest}. Micrometer's meters and
 * Actuator's health are optional: only the classes built for them use them, and the
 * endpoint reports through {@code RealtimeMetrics}.
 */
@NullMarked
package dev.tidings.realtime;

import org.jspecify.annotations.NullMarked;
