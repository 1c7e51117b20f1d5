package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The owning side of a one-to-one, with a text and a binary large object. */
@Entity
@Table(name = "author_profiles")
@ContentCollection
public class AuthorProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@OneToOne
	@JoinColumn(name = "author", unique = true)
	private Author author;

	@Lob
	private String biography;

	@Lob
	private byte[] portrait;

	@Column(length = 120)
	private String website;

	protected AuthorProfile() {
	}

}
