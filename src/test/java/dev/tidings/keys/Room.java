package dev.tidings.keys;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A room, its key from an identity column.
 */
@Entity
@Table(name = "rooms")
@ContentCollection
public class Room {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false)
	private String name = "";

	protected Room() {
	}

}
