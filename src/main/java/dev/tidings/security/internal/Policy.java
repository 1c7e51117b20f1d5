package dev.tidings.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A policy ({@code directus_policies}): a set of permissions plus the global
 * {@code admin_access} and {@code app_access} flags, attached to roles and users through
 * {@link Access} rows.
 */
@Entity
@Table(name = "tidings_policies")
@ContentCollection("directus_policies")
@EntityListeners(SecurityChangeListener.class)
public class Policy {

	/** The public policy's id, the same as Directus's. */
	public static final UUID PUBLIC = UUID.fromString("abf8a154-5b1c-4a46-ac9c-7300570f4f17");

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "name", length = 100, nullable = false)
	private String name;

	@Column(name = "icon", length = 64)
	private @Nullable String icon;

	@Column(name = "description", columnDefinition = "text")
	private @Nullable String description;

	@Column(name = "admin_access", nullable = false)
	private boolean adminAccess;

	@Column(name = "app_access", nullable = false)
	private boolean appAccess;

	@OneToMany(mappedBy = "policy")
	private List<Permission> permissions = new ArrayList<>();

	@OneToMany(mappedBy = "policy")
	private List<Access> roles = new ArrayList<>();

	protected Policy() {
		this.name = "";
	}

	public Policy(String name, @Nullable String description, boolean adminAccess, boolean appAccess) {
		this.name = name;
		this.description = description;
		this.adminAccess = adminAccess;
		this.appAccess = appAccess;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public boolean isAdminAccess() {
		return this.adminAccess;
	}

	public boolean isAppAccess() {
		return this.appAccess;
	}

}
