package dev.tidings.keys;

import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A visitor, its key a UUID that JPA generates.
 */
@Entity
@Table(name = "visitors")
@ContentCollection
public class Visitor {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String name = "";

	protected Visitor() {
	}

}
