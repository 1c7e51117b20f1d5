package dev.tidings.app;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

import dev.tidings.security.Accountability;
import dev.tidings.security.Authenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an administrator's bearer token (an access token or a static token) count as
 * authorised for the Actuator endpoints, whose details the app shows
 * {@code when-authorized} with the role {@value #ROLE}. Without Spring Security, Actuator
 * asks the servlet request for its principal and roles; this answers them from Tidings'
 * own authentication. Any other caller, or a token that fails, stays anonymous: the
 * endpoint then shows only the status, never an error.
 */
final class AdminHealthDetails extends OncePerRequestFilter {

	/** The role Actuator's {@code management.endpoint.health.roles} names. */
	static final String ROLE = "TIDINGS_ADMIN";

	/** Absent where Tidings backed off (no database): then nobody is an administrator. */
	private final ObjectProvider<Authenticator> authenticator;

	AdminHealthDetails(ObjectProvider<Authenticator> authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Accountability admin = admin(request.getHeader("Authorization"));
		chain.doFilter((admin != null) ? new AdminRequest(request, admin) : request, response);
	}

	private @Nullable Accountability admin(@Nullable String header) {
		Authenticator authenticator = this.authenticator.getIfAvailable();
		if (authenticator == null || header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			return null;
		}
		try {
			Accountability who = authenticator.authenticate(header.substring(7).trim());
			return who.admin() ? who : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static final class AdminRequest extends HttpServletRequestWrapper {

		private final Principal principal;

		AdminRequest(HttpServletRequest request, Accountability admin) {
			super(request);
			this.principal = () -> String.valueOf(admin.user());
		}

		@Override
		public Principal getUserPrincipal() {
			return this.principal;
		}

		@Override
		public boolean isUserInRole(String role) {
			return ROLE.equals(role) || ("ROLE_" + ROLE).equals(role);
		}

	}

}
