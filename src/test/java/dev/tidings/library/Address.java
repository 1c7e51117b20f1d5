package dev.tidings.library;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** A postal address, embedded in its owner's row. */
@Embeddable
public class Address {

	private String street;

	private String city;

	private String postcode;

	/**
	 * How to find the door: long text, kept as a large object even inside the row's
	 * owner.
	 */
	@Lob
	private String directions;

	protected Address() {
	}

}
