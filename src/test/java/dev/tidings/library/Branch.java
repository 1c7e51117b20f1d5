package dev.tidings.library;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
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

	protected Branch() {
	}

}
