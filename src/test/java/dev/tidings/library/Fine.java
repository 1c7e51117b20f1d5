package dev.tidings.library;

import java.math.BigDecimal;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A fine for a late return: a database check on the amount (no Bean Validation
 * constraint, so only the database refuses a negative one), a Bean Validation constraint
 * on an attribute whose column name differs from its Java name, and one in a group of its
 * own, which only a host that configures Hibernate's validation groups checks.
 */
@Entity
@Table(name = "fines")
@ContentCollection
public class Fine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, precision = 8, scale = 2, check = @CheckConstraint(constraint = "amount >= 0"))
	private BigDecimal amount;

	@Min(1)
	private int daysLate = 1;

	@Size(max = 20, groups = Strict.class)
	private String note;

	protected Fine() {
	}

	/** Constraints Hibernate checks when told to, not by default. */
	public interface Strict {

	}

}
