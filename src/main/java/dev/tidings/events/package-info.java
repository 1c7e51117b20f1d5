/**
 * Turns committed JPA writes into change notifications: an entity listener records each
 * create, update and delete with immutable snapshots, and after commit one
 * {@code ChangeNotification} per transaction and collection goes to the {@code ChangeBus}
 * port. Carries keys, snapshots and who made the change ({@code Actor}, asked of an
 * {@code ActorSource} port), never entities; a rolled back transaction sends nothing. A
 * {@code ChangeAudit} port records the changes in their own transaction before it
 * commits; this module knows neither callers nor the activity log.
 */
@NullMarked
package dev.tidings.events;

import org.jspecify.annotations.NullMarked;
