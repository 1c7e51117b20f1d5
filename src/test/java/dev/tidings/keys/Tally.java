package dev.tidings.keys;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A tally with a primitive key: zero is a key too, so a given key can't be told from
 * none.
 */
@Entity
@Table(name = "tallies")
@ContentCollection
public class Tally {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private long id;

	@Column(nullable = false)
	private String name = "";

	protected Tally() {
	}

}
