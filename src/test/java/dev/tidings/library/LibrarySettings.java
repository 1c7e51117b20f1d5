package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The library's settings: a singleton, one row read and upserted as an object. Its
 * defaults are what it reads as before the row exists.
 */
@Entity
@Table(name = "library_settings")
@ContentCollection(singleton = true)
public class LibrarySettings {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, length = 80)
	private String libraryName = "Tidings Library";

	private int loanDays = 21;

	private boolean openOnSunday;

	private String notice;

	@ManyToOne
	@JoinColumn(name = "main_branch")
	private Branch mainBranch;

	protected LibrarySettings() {
	}

}
