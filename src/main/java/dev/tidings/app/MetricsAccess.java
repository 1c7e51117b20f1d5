package dev.tidings.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tidings.errors.TidingsException;
import dev.tidings.security.Authenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only an administrator or a metrics scraper read the meters
 * ({@code /actuator/prometheus}), as Directus guards its own: an administrator's bearer
 * token (an access token or a static token), or one of the metrics tokens
 * ({@code METRICS_TOKENS}, comma-separated) given as
 * {@code Authorization: Metrics <token>} the way Directus takes it, or as a bearer token,
 * the way Prometheus sends its credentials by default. Anyone else is refused in the
 * Directus envelope: a bearer token that fails with its own error (401
 * {@code TOKEN_EXPIRED}, {@code INVALID_CREDENTIALS}), everything else with 403
 * {@code FORBIDDEN}.
 */
final class MetricsAccess extends OncePerRequestFilter {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Absent where Tidings backed off (no database): then nobody is an administrator. */
	private final ObjectProvider<Authenticator> authenticator;

	private final List<byte[]> tokens;

	MetricsAccess(ObjectProvider<Authenticator> authenticator, String tokens) {
		this.authenticator = authenticator;
		this.tokens = Arrays.stream(tokens.split(","))
			.map(String::trim)
			.filter((token) -> !token.isEmpty())
			.map((token) -> token.getBytes(StandardCharsets.UTF_8))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		int space = (header != null) ? header.indexOf(' ') : -1;
		String scheme = (space > 0) ? header.substring(0, space).toLowerCase(Locale.ROOT) : "";
		String credentials = (space > 0) ? header.substring(space + 1).trim() : "";
		if ((scheme.equals("metrics") || scheme.equals("bearer")) && isMetricsToken(credentials)) {
			chain.doFilter(request, response);
			return;
		}
		TidingsException refusal = scheme.equals("bearer") ? refusal(credentials) : TidingsException.forbidden();
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(refusal.httpStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter().write(json.writeValueAsString(StandaloneErrors.envelope(refusal)));
	}

	/** Compared in constant time, so the answer's timing tells nothing of a token. */
	private boolean isMetricsToken(String credentials) {
		byte[] given = credentials.getBytes(StandardCharsets.UTF_8);
		boolean found = false;
		for (byte[] token : this.tokens) {
			found |= MessageDigest.isEqual(token, given);
		}
		return found;
	}

	/** Why the bearer token may not read the meters; null for an administrator. */
	private @Nullable TidingsException refusal(String token) {
		Authenticator authenticator = this.authenticator.getIfAvailable();
		if (authenticator == null) {
			return TidingsException.forbidden();
		}
		try {
			return authenticator.authenticate(token).admin() ? null : TidingsException.forbidden();
		}
		catch (TidingsException ex) {
			return ex;
		}
	}

}
