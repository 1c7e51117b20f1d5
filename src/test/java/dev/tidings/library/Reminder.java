package dev.tidings.library;

import java.time.LocalDate;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reminder sent to a member; only the member's side maps the relation. */
@Entity
@Table(name = "reminders")
@ContentCollection
public class Reminder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String message;

	private LocalDate sentOn;

	protected Reminder() {
	}

}
