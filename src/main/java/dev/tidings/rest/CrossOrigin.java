package dev.tidings.rest;

import dev.tidings.security.Origins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Whether a browser request may come from where it says it comes from: no {@code Origin}
 * (not a browser, or a same-origin navigation), the request's own host, or an origin the
 * application's CORS processing accepted (it answers with
 * {@code Access-Control-Allow-Origin} before the request reaches Tidings, and rejects the
 * others itself).
 */
final class CrossOrigin {

	private CrossOrigin() {
	}

	static boolean allowed(HttpServletRequest request, @Nullable HttpServletResponse response) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return true;
		}
		if (response != null && response.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN) != null) {
			return true;
		}
		return Origins.isSameHost(origin, request.getHeader(HttpHeaders.HOST));
	}

}
