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

/** A note on a reading list, removed as an orphan when the list drops it. */
@Entity
@Table(name = "list_notes")
@ContentCollection
public class ListNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "reading_list")
	private ReadingList list;

	@Column(length = 200)
	private String text;

	protected ListNote() {
	}

}
