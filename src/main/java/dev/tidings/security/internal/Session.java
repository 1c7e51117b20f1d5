package dev.tidings.security.internal;

import java.time.Instant;

import dev.tidings.security.TidingsUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A login session: the SHA-256 digest of its refresh token (never the token itself), its
 * user and expiry. Not a collection: sessions have no REST route.
 */
@Entity
@Table(name = "tidings_sessions")
public class Session {

	@Id
	@Column(name = "token", length = 64)
	private String token;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "\"user\"", nullable = false)
	private TidingsUser user;

	@Column(name = "expires", nullable = false)
	private Instant expires;

	@Column(name = "ip", length = 255)
	private @Nullable String ip;

	@Column(name = "user_agent", columnDefinition = "text")
	private @Nullable String userAgent;

	@Column(name = "origin", length = 255)
	private @Nullable String origin;

	protected Session() {
		this.token = "";
		// the user is set by Hibernate when it loads a session
		this.expires = Instant.EPOCH;
	}

	public Session(String tokenDigest, TidingsUser user, Instant expires, @Nullable String ip,
			@Nullable String userAgent, @Nullable String origin) {
		this.token = tokenDigest;
		this.user = user;
		this.expires = expires;
		this.ip = ip;
		this.userAgent = userAgent;
		this.origin = origin;
	}

	public String getToken() {
		return this.token;
	}

	public TidingsUser getUser() {
		return this.user;
	}

	public Instant getExpires() {
		return this.expires;
	}

}
