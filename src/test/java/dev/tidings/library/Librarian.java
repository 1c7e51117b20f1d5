package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A subclass in the {@code JOINED} tree, with a table of its own. */
@Entity
@Table(name = "librarians")
@ContentCollection
public class Librarian extends Staff {

	private String desk;

	protected Librarian() {
	}

}
