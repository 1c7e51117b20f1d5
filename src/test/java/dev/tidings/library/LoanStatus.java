package dev.tidings.library;

/** Where a loan stands, stored by name. */
public enum LoanStatus {

	ACTIVE, RETURNED, OVERDUE

}
