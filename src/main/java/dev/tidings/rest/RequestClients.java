package dev.tidings.rest;

import dev.tidings.security.CurrentCaller;
import dev.tidings.security.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Binds where each request to a Tidings route comes from (address, {@code User-Agent},
 * {@code Origin}) to its thread for as long as its handler runs, so that whatever it
 * writes is recorded in the activity log with them, whichever route wrote it. A host's
 * own routes are left alone: Tidings owns only its own.
 */
public final class RequestClients implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (isOurs(handler)) {
			CurrentCaller.comingFrom(of(request));
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (isOurs(handler)) {
			CurrentCaller.comingFrom(null);
		}
	}

	private static boolean isOurs(Object handler) {
		return handler instanceof HandlerMethod method
				&& method.getBeanType().getPackageName().equals(RequestClients.class.getPackageName());
	}

	static Sessions.Client of(HttpServletRequest request) {
		return new Sessions.Client(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
				request.getHeader(HttpHeaders.ORIGIN));
	}

}
