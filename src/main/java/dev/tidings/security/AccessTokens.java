package dev.tidings.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.internal.JwtJson;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;

/**
 * Issues and verifies Directus access tokens: HS256 JWTs with {@code iss: directus} and
 * the claims {@code id}, {@code role} (present even when null, as Directus requires),
 * {@code app_access} and {@code admin_access}. Only HS256 with our key is accepted;
 * unsigned tokens, other algorithms, forged signatures, another issuer and missing claims
 * are {@code INVALID_TOKEN}, an expired token {@code TOKEN_EXPIRED}.
 */
public final class AccessTokens {

	static final String ISSUER = "directus";

	private static final List<String> REQUIRED = List.of("id", "role", "app_access", "admin_access", "exp");

	private final TokenSecret secret;

	private final Duration ttl;

	private final Clock clock;

	private final JwtParser parser;

	public AccessTokens(TokenSecret secret, Duration ttl, Clock clock) {
		this.secret = secret;
		this.ttl = ttl;
		this.clock = clock;
		this.parser = Jwts.parser()
			.json(JwtJson.deserializer())
			.verifyWith(secret.key())
			.sig()
			.clear()
			.add(Jwts.SIG.HS256)
			.and()
			.requireIssuer(ISSUER)
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	/** How long an access token lives; Directus's {@code expires}. */
	public Duration ttl() {
		return this.ttl;
	}

	/** A signed access token for the caller, valid for {@link #ttl()} from now. */
	public String issue(UUID user, Accountability who) {
		long now = this.clock.instant().getEpochSecond();
		// Built by hand: jjwt drops null claims, and Directus rejects a token without
		// "role".
		Map<String, @Nullable Object> claims = new LinkedHashMap<>();
		claims.put("id", user.toString());
		claims.put("role", (who.role() != null) ? who.role().toString() : null);
		claims.put("app_access", who.app());
		claims.put("admin_access", who.admin());
		claims.put("iat", now);
		claims.put("exp", now + this.ttl.toSeconds());
		claims.put("iss", ISSUER);
		return Jwts.builder()
			.json(JwtJson.serializer())
			.header()
			.type("JWT")
			.and()
			.content(JwtJson.write(claims))
			.signWith(this.secret.key(), Jwts.SIG.HS256)
			.compact();
	}

	/**
	 * Whether the token is meant as a Directus access token: three dot-separated parts
	 * whose payload says {@code iss: directus}. Anything else is a static token. Decides
	 * the kind only; nothing is verified.
	 */
	public static boolean isAccessToken(String token) {
		Map<String, ?> payload = payload(token);
		return payload != null && ISSUER.equals(payload.get("iss"));
	}

	/**
	 * The holder of a valid access token.
	 * @throws TidingsException {@code TOKEN_EXPIRED} or {@code INVALID_TOKEN}
	 */
	public Verified verify(String token) {
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(token).getPayload();
		}
		catch (ExpiredJwtException ex) {
			throw new TidingsException(ErrorCode.TOKEN_EXPIRED, "Token expired.");
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw invalid();
		}
		// The signature holds, so the payload is ours; jjwt hides null claims, so look at
		// it.
		Map<String, ?> payload = payload(token);
		if (payload == null || !payload.keySet().containsAll(REQUIRED)) {
			throw invalid();
		}
		try {
			return new Verified(UUID.fromString(claims.get("id", String.class)), claims.getExpiration().toInstant());
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
	}

	private static @Nullable Map<String, ?> payload(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return null;
		}
		try {
			return JwtJson.readObject(Base64.getUrlDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII)));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static TidingsException invalid() {
		return new TidingsException(ErrorCode.INVALID_TOKEN, "Invalid token.");
	}

	/**
	 * A verified access token.
	 *
	 * @param user the user it was issued to
	 * @param expires when it stops being valid
	 */
	public record Verified(UUID user, Instant expires) {
	}

}
