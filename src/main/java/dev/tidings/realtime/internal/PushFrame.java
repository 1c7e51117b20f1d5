package dev.tidings.realtime.internal;

import java.time.Instant;

import dev.tidings.events.ChangeType;

/**
 * A push as it goes to a socket: its text, and what is measured once it is written (its
 * event, and when its change committed). One instance per group and uid, shared by every
 * session of the group that has that uid.
 *
 * @param text the {@code subscription} frame
 * @param event the event it pushes
 * @param committedAt when the change it pushes committed
 */
public record PushFrame(String text, ChangeType event, Instant committedAt) {

}
