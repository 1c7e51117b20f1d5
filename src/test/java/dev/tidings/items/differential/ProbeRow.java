package dev.tidings.items.differential;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * One row of every field type the filter language compares, for the differential tests.
 * Keys are assigned by the test so that both evaluators can be compared by key.
 */
@Entity
@Table(name = "probe_rows")
@ContentCollection("probe_rows")
class ProbeRow {

	@Id
	private Integer id;

	@Column(length = 40)
	private String s;

	@Column(columnDefinition = "text")
	private String t;

	private Integer i;

	private Long l;

	private Double d;

	@Column(precision = 12, scale = 3)
	private BigDecimal n;

	private Boolean b;

	private UUID u;

	private Instant ts;

	// "day" is a keyword of H2.
	@Column(name = "day_on")
	private LocalDate day;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent")
	private ProbeParent parent;

	@OneToMany(mappedBy = "row")
	private List<ProbeChild> children = new ArrayList<>();

	protected ProbeRow() {
	}

	ProbeRow(Integer id) {
		this.id = id;
	}

	Integer getId() {
		return this.id;
	}

	ProbeRow values(String s, String t, Integer i, Long l, Double d, BigDecimal n, Boolean b, UUID u, Instant ts,
			LocalDate day, ProbeParent parent) {
		this.s = s;
		this.t = t;
		this.i = i;
		this.l = l;
		this.d = d;
		this.n = n;
		this.b = b;
		this.u = u;
		this.ts = ts;
		this.day = day;
		this.parent = parent;
		return this;
	}

}
