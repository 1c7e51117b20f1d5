package dev.tidings.library;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A member's reading list: entries that cannot exist without a list (a key that may not
 * be null), and notes the list removes as orphans although their key may be null. A
 * nested write that drops one deletes it; dropping a book from an author unlinks it.
 */
@Entity
@Table(name = "reading_lists")
@ContentCollection
public class ReadingList {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, length = 80)
	private String name;

	@OneToMany(mappedBy = "list")
	private List<ListEntry> entries = new ArrayList<>();

	@OneToMany(mappedBy = "list", orphanRemoval = true)
	private List<ListNote> notes = new ArrayList<>();

	protected ReadingList() {
	}

}
