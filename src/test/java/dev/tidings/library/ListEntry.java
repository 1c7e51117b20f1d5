package dev.tidings.library;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An entry of a reading list, which it cannot outlive: its key may not be null. */
@Entity
@Table(name = "list_entries")
@ContentCollection
public class ListEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "reading_list", nullable = false)
	private ReadingList list;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "book")
	private Book book;

	@Column(nullable = false, length = 80)
	private String title;

	protected ListEntry() {
	}

}
