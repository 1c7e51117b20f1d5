package dev.tidings.library;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** A genre: the inverse side of the books' many-to-many. */
@Entity
@Table(name = "genres")
@ContentCollection
public class Genre {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, unique = true, length = 60)
	private String name;

	@ManyToMany(mappedBy = "genres")
	private Set<Book> books = new LinkedHashSet<>();

	protected Genre() {
	}

}
