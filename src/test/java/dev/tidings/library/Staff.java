package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of a {@code JOINED} inheritance tree: every member of staff. */
@Entity
@Table(name = "staff")
@Inheritance(strategy = InheritanceType.JOINED)
@ContentCollection
public class Staff {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, length = 80)
	private String name;

	protected Staff() {
	}

}
