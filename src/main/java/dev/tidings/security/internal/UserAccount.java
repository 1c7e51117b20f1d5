package dev.tidings.security.internal;

import java.time.Instant;
import java.util.UUID;

import dev.tidings.schema.Concealed;
import dev.tidings.schema.ContentCollection;
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
 * A user ({@code directus_users}). The password is an argon2 PHC string and the static
 * token is stored as its SHA-256 digest; both read back concealed.
 */
@Entity
@Table(name = "tidings_users")
@ContentCollection("directus_users")
@EntityListeners(SecurityChangeListener.class)
public class UserAccount {

	public static final String ACTIVE = "active";

	public static final String SUSPENDED = "suspended";

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "first_name", length = 50)
	private @Nullable String firstName;

	@Column(name = "last_name", length = 50)
	private @Nullable String lastName;

	@Column(name = "email", length = 128, nullable = false, unique = true)
	private String email;

	@Concealed
	@Column(name = "password", length = 255)
	private @Nullable String password;

	@Column(name = "status", length = 16, nullable = false)
	private String status = ACTIVE;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "role")
	private @Nullable Role role;

	@Concealed
	@Column(name = "token", length = 64, unique = true)
	private @Nullable String token;

	@Column(name = "last_access")
	private @Nullable Instant lastAccess;

	protected UserAccount() {
		this.email = "";
	}

	public UserAccount(String email, @Nullable String passwordHash, @Nullable Role role) {
		this.email = email;
		this.password = passwordHash;
		this.role = role;
	}

	public UUID getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String passwordHash) {
		this.password = passwordHash;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public boolean isActive() {
		return ACTIVE.equals(this.status);
	}

	public @Nullable Role getRole() {
		return this.role;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String tokenDigest) {
		this.token = tokenDigest;
	}

	public void setName(@Nullable String firstName, @Nullable String lastName) {
		this.firstName = firstName;
		this.lastName = lastName;
	}

	public @Nullable Instant getLastAccess() {
		return this.lastAccess;
	}

	public void setLastAccess(Instant lastAccess) {
		this.lastAccess = lastAccess;
	}

}
