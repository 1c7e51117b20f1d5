package dev.tidings.library;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.MappedSuperclass;

/**
 * When a row was created and last changed: fields every subclass's collection inherits.
 */
@MappedSuperclass
public abstract class Stamped {

	private Instant dateCreated;

	private LocalDateTime dateUpdated;

}
