package dev.tidings.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A role ({@code directus_roles}); roles form a tree through {@code parent}, and a user
 * holds the policies of its role and of every ancestor.
 */
@Entity
@Table(name = "tidings_roles")
@ContentCollection("directus_roles")
@EntityListeners(SecurityChangeListener.class)
public class Role {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "name", length = 100, nullable = false)
	private String name;

	@Column(name = "icon", length = 64)
	private @Nullable String icon;

	@Column(name = "description", columnDefinition = "text")
	private @Nullable String description;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent")
	private @Nullable Role parent;

	@OneToMany(mappedBy = "role")
	private List<Access> policies = new ArrayList<>();

	@OneToMany(mappedBy = "role")
	private List<TidingsUser> users = new ArrayList<>();

	@OneToMany(mappedBy = "parent")
	private List<Role> children = new ArrayList<>();

	protected Role() {
		this.name = "";
	}

	public Role(String name, @Nullable String description) {
		this.name = name;
		this.description = description;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable Role getParent() {
		return this.parent;
	}

}
