package dev.tidings.items.differential;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of every field kind beyond the plain columns of {@link ProbeRow}: enums stored
 * by name and by ordinal, an embedded value (one attribute under an overridden column
 * name), a converted attribute, and the temporal and numeric types that need their own
 * codec. Keys are assigned by the test.
 */
@Entity
@Table(name = "probe_kinds")
@ContentCollection("probe_kinds")
class ProbeKinds {

	@Id
	private Integer id;

	@Enumerated(EnumType.STRING)
	@Column(length = 12)
	private ProbeLevel grade;

	@Enumerated(EnumType.ORDINAL)
	private ProbeLevel priority;

	@Embedded
	@AttributeOverride(name = "bay", column = @Column(name = "bay_no"))
	private ProbeSpot spot;

	@Convert(converter = ProbeLocaleConverter.class)
	@Column(length = 35)
	private Locale tongue;

	private LocalTime opens;

	private LocalDateTime seen;

	private OffsetDateTime held;

	private BigInteger big;

	private Character mark;

	protected ProbeKinds() {
	}

	ProbeKinds(Integer id) {
		this.id = id;
	}

	Integer getId() {
		return this.id;
	}

	ProbeKinds values(ProbeLevel grade, ProbeLevel priority, ProbeSpot spot, Locale tongue, LocalTime opens,
			LocalDateTime seen, OffsetDateTime held, BigInteger big, Character mark) {
		this.grade = grade;
		this.priority = priority;
		this.spot = spot;
		this.tongue = tongue;
		this.opens = opens;
		this.seen = seen;
		this.held = held;
		this.big = big;
		this.mark = mark;
		return this;
	}

}
