package dev.tidings.rest;

import java.util.Locale;

import dev.tidings.errors.TidingsException;
import dev.tidings.security.Accountability;
import dev.tidings.security.Authenticator;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
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
		Accountability who = this.authenticator.authenticate(token(request));
		request.setAttribute(ATTRIBUTE, who);
		return who;
	}

	static @Nullable String token(HttpServletRequest request) {
		String query = QueryString.parameter(request, "access_token");
		String bearer = bearer(request.getHeader("Authorization"));
		if (query != null && bearer != null) {
			throw TidingsException
				.invalidPayload("The request uses more than one method for including an access token");
		}
		if (query != null) {
			return query;
		}
		if (bearer != null) {
			return bearer;
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (SESSION_COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
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
