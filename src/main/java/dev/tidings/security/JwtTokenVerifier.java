package dev.tidings.security;

import java.util.Base64;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host is an OAuth2 resource server: a JWT that is not one of Tidings' own access
 * tokens is decoded and validated by the host's {@link JwtDecoder} and converted by its
 * converter, exactly as on the host's own routes.
 */
public final class JwtTokenVerifier implements HostTokenVerifier {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JwtDecoder decoder;

	private final Converter<Jwt, ? extends AbstractAuthenticationToken> converter;

	public JwtTokenVerifier(JwtDecoder decoder, Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
		this.decoder = decoder;
		this.converter = converter;
	}

	@Override
	public @Nullable Authentication verify(String token) {
		if (AccessTokens.isAccessToken(token) || !isJwt(token)) {
			return null;
		}
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtValidationException ex) {
			boolean expired = ex.getErrors()
				.stream()
				.map(OAuth2Error::getDescription)
				.anyMatch((description) -> description != null && description.contains("expired"));
			throw expired ? new TidingsException(ErrorCode.TOKEN_EXPIRED, "Token expired.")
					: new TidingsException(ErrorCode.INVALID_TOKEN, "Invalid token.");
		}
		catch (JwtException ex) {
			throw new TidingsException(ErrorCode.INVALID_TOKEN, "Invalid token.");
		}
		AbstractAuthenticationToken authentication = this.converter.convert(jwt);
		if (authentication == null) {
			throw new TidingsException(ErrorCode.INVALID_TOKEN, "Invalid token.");
		}
		return authentication;
	}

	/**
	 * Three parts, the first a JSON header naming an algorithm: a JWT, not a static
	 * token.
	 */
	private static boolean isJwt(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return false;
		}
		try {
			Map<?, ?> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
			return header.get("alg") != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
