package dev.tidings.library;

/** A book's format, stored by ordinal. */
public enum Format {

	HARDCOVER, PAPERBACK, EBOOK

}
