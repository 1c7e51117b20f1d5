package dev.tidings.items.differential;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The one-to-many side of the differential tests ({@code probe_rows.children}).
 */
@Entity
@Table(name = "probe_children")
@ContentCollection("probe_children")
class ProbeChild {

	@Id
	private Integer id;

	// "row" is reserved in both databases: the column, hence the API field, is owner_row.
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "owner_row")
	private ProbeRow row;

	@Column(length = 40)
	private String label;

	private Integer score;

	protected ProbeChild() {
	}

	ProbeChild(Integer id, ProbeRow row, String label, Integer score) {
		this.id = id;
		this.row = row;
		this.label = label;
		this.score = score;
	}

}
