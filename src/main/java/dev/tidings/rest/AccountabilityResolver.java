package dev.tidings.rest;

import java.util.Locale;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.security.Accountability;
import dev.tidings.security.Authenticator;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies an {@link Accountability} parameter of a controller method: the token comes
 * from the {@code access_token} query parameter, the {@code Authorization: Bearer} header
 * or the session cookie, in Directus's order. Resolved once per request.
 * <p>
 * A cookie is sent by the browser on its own, so a request that changes something and is
 * authenticated by one (Tidings' session cookie, or the host's session) must come from
 * the page's own origin or one CORS allows: another site's page cannot act as its
 * visitor. The cookies are also {@code SameSite}, as Directus's, which stops most of it
 * already; the origin check also covers sites of the same domain.
 */
public final class AccountabilityResolver implements HandlerMethodArgumentResolver {

	static final String SESSION_COOKIE = "directus_session_token";

	private static final String ATTRIBUTE = AccountabilityResolver.class.getName();

	private final Authenticator authenticator;

	public AccountabilityResolver(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Accountability.class;
	}

	@Override
	public Accountability resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Accountability known = (Accountability) request.getAttribute(ATTRIBUTE);
		if (known != null) {
			return known;
		}
		Credential credential = credential(request);
		if (isAmbient(request, credential) && isUnsafe(request)
				&& !CrossOrigin.allowed(request, webRequest.getNativeResponse(HttpServletResponse.class))) {
			throw new TidingsException(ErrorCode.FORBIDDEN,
					"A cross-origin request authenticated by a cookie needs CORS to allow its origin.");
		}
		Accountability who = this.authenticator.authenticate((credential != null) ? credential.token() : null);
		request.setAttribute(ATTRIBUTE, who);
		return who;
	}

	/**
	 * Whether the browser's own credentials authenticate the request: Tidings' session
	 * cookie, or, with no token at all, a session of the host's in which its user logged
	 * in.
	 */
	private static boolean isAmbient(HttpServletRequest request, @Nullable Credential credential) {
		return (credential != null) ? credential.cookie() : request.getRequestedSessionId() != null;
	}

	private static boolean isUnsafe(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
			default -> true;
		};
	}

	private static @Nullable Credential credential(HttpServletRequest request) {
		String query = QueryString.parameter(request, "access_token");
		String bearer = bearer(request.getHeader("Authorization"));
		if (query != null && bearer != null) {
			throw TidingsException
				.invalidPayload("The request uses more than one method for including an access token");
		}
		if (query != null) {
			return new Credential(query, false);
		}
		if (bearer != null) {
			return new Credential(bearer, false);
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (SESSION_COOKIE.equals(cookie.getName())) {
					return new Credential(cookie.getValue(), true);
				}
			}
		}
		return null;
	}

	/**
	 * A token a request presents.
	 *
	 * @param token the token
	 * @param cookie whether the browser sent it on its own, in the session cookie
	 */
	private record Credential(String token, boolean cookie) {
	}

	private static @Nullable String bearer(@Nullable String header) {
		if (header == null) {
			return null;
		}
		int space = header.indexOf(' ');
		if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
			return null;
		}
		String token = header.substring(space + 1).trim();
		return token.isEmpty() ? null : token;
	}

}
