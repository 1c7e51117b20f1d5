package dev.tidings.library;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A loan of a book to a member: a string enum, every temporal type, and a version that
 * turns a concurrent update into an error.
 */
@Entity
@Table(name = "loans")
@ContentCollection
public class Loan extends Stamped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "book", nullable = false)
	private Book book;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "member", nullable = false)
	private Member member;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private LoanStatus status = LoanStatus.ACTIVE;

	private LocalDate dueOn;

	private LocalTime pickupAt;

	private OffsetDateTime returnedAt;

	private ZonedDateTime remindedAt;

	@Version
	private Integer version;

	protected Loan() {
	}

}
