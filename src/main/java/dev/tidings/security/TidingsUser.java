package dev.tidings.security;

import java.time.Instant;
import java.util.UUID;

import dev.tidings.schema.Concealed;
import dev.tidings.schema.ContentCollection;
import dev.tidings.security.internal.Role;
import dev.tidings.security.internal.SecurityChangeListener;
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
 * A user, the {@code directus_users} collection: public so that a host's entities can
 * point at users ({@code @ManyToOne TidingsUser author}) and Spring Data auditing can
 * record who created or changed a row ({@link TidingsAuditor}). Users are managed through
 * the items API; hosts read them. The password is an argon2 PHC string and the static
 * token is stored as its SHA-256 digest: neither has a public accessor, and both read
 * back concealed through the API.
 */
@Entity
@Table(name = "tidings_users")
@ContentCollection("directus_users")
@EntityListeners(SecurityChangeListener.class)
public class TidingsUser {

	public static final String ACTIVE = "active";

	public static final String SUSPENDED = "suspended";

	static final String DEFAULT_PROVIDER = "default";

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "first_name", length = 50)
	private @Nullable String firstName;

	@Column(name = "last_name", length = 50)
	private @Nullable String lastName;

	@Column(name = "email", length = 128, unique = true)
	private @Nullable String email;

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

	/** Who vouches for the user: {@code default} for Tidings' own logins. */
	@Column(name = "provider", length = 128, nullable = false)
	private String provider = DEFAULT_PROVIDER;

	/** The user's identifier at the provider, e.g. the {@code sub} of its tokens. */
	@Column(name = "external_identifier", length = 255)
	private @Nullable String externalIdentifier;

	protected TidingsUser() {
	}

	TidingsUser(@Nullable String email, @Nullable String passwordHash, @Nullable Role role) {
		this.email = email;
		this.password = passwordHash;
		this.role = role;
	}

	public UUID getId() {
		return this.id;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable String getFirstName() {
		return this.firstName;
	}

	public @Nullable String getLastName() {
		return this.lastName;
	}

	@Nullable String getPassword() {
		return this.password;
	}

	public String getStatus() {
		return this.status;
	}

	void setStatus(String status) {
		this.status = status;
	}

	public boolean isActive() {
		return ACTIVE.equals(this.status);
	}

	@Nullable Role getRole() {
		return this.role;
	}

	void setToken(@Nullable String tokenDigest) {
		this.token = tokenDigest;
	}

	void setName(@Nullable String firstName, @Nullable String lastName) {
		this.firstName = firstName;
		this.lastName = lastName;
	}

	void setEmail(@Nullable String email) {
		this.email = email;
	}

	void setRole(@Nullable Role role) {
		this.role = role;
	}

	/** Marks the user as one the host vouches for, under its identifier there. */
	void setExternal(String provider, String externalIdentifier) {
		this.provider = provider;
		this.externalIdentifier = externalIdentifier;
	}

	public @Nullable Instant getLastAccess() {
		return this.lastAccess;
	}

}
