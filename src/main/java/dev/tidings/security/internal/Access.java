package dev.tidings.security.internal;

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
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Attaches a policy to a role, to a user, or (with neither) to every anonymous caller
 * ({@code directus_access}).
 */
@Entity
@Table(name = "tidings_access")
@ContentCollection("directus_access")
@EntityListeners(SecurityChangeListener.class)
public class Access {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "role")
	private @Nullable Role role;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "\"user\"")
	private @Nullable TidingsUser user;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "policy", nullable = false)
	private Policy policy;

	@Column(name = "sort")
	private @Nullable Integer sort;

	protected Access() {
		this.policy = new Policy();
	}

	public Access(@Nullable Role role, @Nullable TidingsUser user, Policy policy) {
		this.role = role;
		this.user = user;
		this.policy = policy;
	}

	public @Nullable Role role() {
		return this.role;
	}

	public @Nullable TidingsUser user() {
		return this.user;
	}

	public Policy policy() {
		return this.policy;
	}

	public @Nullable Integer sort() {
		return this.sort;
	}

}
