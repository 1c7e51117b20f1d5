package dev.tidings.library;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tidings.schema.ContentCollection;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.LastModifiedBy;

/**
 * A book: a many-to-one to its author, the owning side of a many-to-many to genres, an
 * ordinal enum, an element collection, a converted attribute and primitive fields.
 */
@Entity
@Table(name = "books")
@ContentCollection
public class Book extends Stamped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@NotBlank
	@Column(nullable = false)
	private String title;

	@Column(unique = true, length = 17)
	private String isbn;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "author")
	private Author author;

	@ManyToMany
	@JoinTable(name = "book_genres", joinColumns = @JoinColumn(name = "book"),
			inverseJoinColumns = @JoinColumn(name = "genre"))
	private Set<Genre> genres = new LinkedHashSet<>();

	@Enumerated(EnumType.ORDINAL)
	private Format format;

	@ElementCollection
	@CollectionTable(name = "book_keywords", joinColumns = @JoinColumn(name = "book"))
	@Column(name = "keyword")
	private List<String> keywords = new ArrayList<>();

	@Convert(converter = LanguageConverter.class)
	@Column(length = 35)
	private Locale language;

	@PositiveOrZero
	private int pages;

	private double rating;

	private char shelf = 'A';

	private boolean lendable = true;

	@Column(precision = 8, scale = 2)
	private BigDecimal price;

	private BigInteger catalogueNumber;

	private Instant acquiredAt;

	/*
	 * Directus's user_created and user_updated, filled by Spring Data's auditing with the
	 * Tidings caller. Hibernate creates this schema before Tidings migrates its own
	 * tables, so no foreign key to tidings_users can be declared here.
	 */
	@CreatedBy
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_created", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
	private TidingsUser userCreated;

	@LastModifiedBy
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_updated", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
	private TidingsUser userUpdated;

	protected Book() {
	}

	public Book(String title) {
		this.title = title;
	}

	public Integer getId() {
		return this.id;
	}

}
