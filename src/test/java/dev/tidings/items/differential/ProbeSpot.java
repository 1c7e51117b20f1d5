package dev.tidings.items.differential;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A value embedded in {@code probe_kinds}, whose attributes become fields of their own.
 */
@Embeddable
class ProbeSpot {

	@Column(length = 40)
	private String aisle;

	private Integer bay;

	protected ProbeSpot() {
	}

	ProbeSpot(String aisle, Integer bay) {
		this.aisle = aisle;
		this.bay = bay;
	}

}
