package dev.tidings.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A library branch: a one-to-many to its staff through a join table. */
@Entity
@Table(name = "branches")
@ContentCollection
public class Branch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, length = 80)
	private String name;

	@OneToMany
	@JoinTable(name = "branch_staff", joinColumns = @JoinColumn(name = "branch"),
			inverseJoinColumns = @JoinColumn(name = "staff", unique = true))
	private List<Staff> staff = new ArrayList<>();

	/** A map-valued element collection: no field, so the API names it unsupported. */
	@ElementCollection
	@CollectionTable(name = "branch_opening_hours", joinColumns = @JoinColumn(name = "branch"))
	@MapKeyColumn(name = "weekday", length = 10)
	@Column(name = "hours", length = 20)
	private Map<String, String> openingHours = new LinkedHashMap<>();

	protected Branch() {
	}

}
