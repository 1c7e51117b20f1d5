package dev.tidings.library;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/**
 * An author: books by {@code mappedBy}, a profile on the inverse side of a one-to-one.
 */
@Entity
@Table(name = "authors")
@ContentCollection
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NotBlank
	private String name;

	private LocalDate born;

	@OneToMany(mappedBy = "author")
	private List<Book> books = new ArrayList<>();

	@OneToOne(mappedBy = "author")
	private AuthorProfile profile;

	protected Author() {
	}

}
