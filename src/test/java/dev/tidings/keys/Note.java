package dev.tidings.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A note the host keeps to itself: not a content collection, so Tidings leaves its key
 * generation alone.
 */
@Entity
@Table(name = "notes")
public class Note {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name = "";

	protected Note() {
	}

	Note(Long id, String name) {
		this.id = id;
		this.name = name;
	}

}
