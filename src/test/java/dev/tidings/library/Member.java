package dev.tidings.library;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A member: a generated UUID key, an embedded address, and a one-way one-to-many to
 * reminders whose foreign key the reminder's entity does not map.
 */
@Entity
@Table(name = "members")
@ContentCollection
public class Member {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@NotBlank
	private String name;

	@Pattern(regexp = "\\+?[0-9 ]{6,20}")
	private String telephone;

	@Embedded
	private Address address;

	private short reminderDays = 3;

	@OneToMany
	@JoinColumn(name = "member")
	private List<Reminder> reminders = new ArrayList<>();

	protected Member() {
	}

	public Member(String name, String telephone) {
		this.name = name;
		this.telephone = telephone;
	}

	public UUID getId() {
		return this.id;
	}

}
