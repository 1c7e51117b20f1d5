package dev.tidings.library;

import jakarta.persistence.Embeddable;

/** A postal address, embedded in its owner's row. */
@Embeddable
public class Address {

	private String street;

	private String city;

	private String postcode;

	protected Address() {
	}

}
