package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A workshop: the other {@code SINGLE_TABLE} subclass. */
@Entity
@DiscriminatorValue("workshop")
@ContentCollection("workshops")
public class Workshop extends LibraryEvent {

	private Integer seats;

	protected Workshop() {
	}

}
