/**
 * The {@code /websocket} endpoint: protocol codec, sessions, the subscription index and
 * the dispatcher that fans each change out to matching subscriptions, grouped so each
 * payload is computed once. The only module that touches Spring WebSocket; it never
 * imports {@code rest}.
 */
@NullMarked
package dev.tidings.realtime;

import org.jspecify.annotations.NullMarked;
