package dev.tidings.schema;

/**
 * The Directus field types Tidings knows, which decide the filter operators a field
 * accepts and how values are parsed and written.
 */
public enum FieldType {

	INTEGER, BIG_INTEGER, FLOAT, DECIMAL, STRING, TEXT, BOOLEAN, UUID,
	/** An instant, written as ISO-8601 UTC ({@code 2024-05-01T10:20:30.000Z}). */
	TIMESTAMP,
	/** A zone-less date and time ({@code 2024-05-01T10:20:30}). */
	DATE_TIME, DATE, TIME, JSON,
	/** Bytes, written as base64 text. */
	BINARY,
	/** A to-many relation: no column of its own. */
	ALIAS;

	public boolean isNumeric() {
		return this == INTEGER || this == BIG_INTEGER || this == FLOAT || this == DECIMAL;
	}

	public boolean isTemporal() {
		return this == TIMESTAMP || this == DATE_TIME || this == DATE || this == TIME;
	}

	public boolean isText() {
		return this == STRING || this == TEXT;
	}

}
