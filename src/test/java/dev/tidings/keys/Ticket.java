package dev.tidings.keys;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ticket, its key from a sequence Hibernate draws from in blocks.
 */
@Entity
@Table(name = "tickets")
@ContentCollection
public class Ticket {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	@Column(nullable = false)
	private String name = "";

	protected Ticket() {
	}

}
