/**
 * Turns committed JPA writes into change notifications: an entity listener records each
 * create, update and delete with immutable snapshots, and after commit one
 * {@code ChangeNotification} per transaction and collection goes to the {@code ChangeBus}
 * port. Carries keys and snapshots, never entities; a rolled back transaction sends
 * nothing.
 */
@NullMarked
package dev.tidings.events;

import org.jspecify.annotations.NullMarked;
