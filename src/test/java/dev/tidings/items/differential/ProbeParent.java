package dev.tidings.items.differential;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The many-to-one side of the differential tests ({@code probe_rows.parent}).
 */
@Entity
@Table(name = "probe_parents")
@ContentCollection("probe_parents")
class ProbeParent {

	@Id
	private Integer id;

	@Column(length = 40)
	private String name;

	// "rank" is a function name in both databases; the API field is the column name.
	@Column(name = "rank_no")
	private Integer rank;

	protected ProbeParent() {
	}

	ProbeParent(Integer id, String name, Integer rank) {
		this.id = id;
		this.name = name;
		this.rank = rank;
	}

	Integer getId() {
		return this.id;
	}

}
