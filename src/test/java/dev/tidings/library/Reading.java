package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** An author reading: a {@code SINGLE_TABLE} subclass sharing its root's table. */
@Entity
@DiscriminatorValue("reading")
@ContentCollection("readings")
public class Reading extends LibraryEvent {

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "author")
	private Author author;

	protected Reading() {
	}

}
