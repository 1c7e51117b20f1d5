package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.security.Accountability;
import dev.tidings.security.Sessions;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /auth/login}, {@code /auth/refresh} and {@code /auth/logout} in Directus's json
 * and cookie modes. Each takes the caller although it does not use it: as in Directus, a
 * present but bad access token fails even these routes: Directus authenticates every
 * request but {@code /server/ping} before routing it.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/auth")
public class AuthController {

	private final Sessions sessions;

	private final JsonCodec json;

	private final RefreshCookie cookie;

	public AuthController(Sessions sessions, JsonCodec json, RefreshCookie cookie) {
		this.sessions = sessions;
		this.json = json;
		this.cookie = cookie;
	}

	@PostMapping("/login")
	public ResponseEntity<byte[]> login(Accountability who, HttpServletRequest request) {
		Map<String, Object> body = Payloads.object(this.json.body(request), "The payload");
		Sessions.Tokens tokens = this.sessions.login(body.get("email"), body.get("password"), client(request),
				() -> Mode.of(body.get("mode"), Mode.JSON));
		return answer(tokens, Mode.of(body.get("mode"), Mode.JSON), request);
	}

	@PostMapping("/refresh")
	public ResponseEntity<byte[]> refresh(Accountability who, HttpServletRequest request) {
		Map<String, Object> body = optionalBody(request);
		Mode mode = mode(body);
		String token = refreshToken(body, mode, request);
		if (token == null) {
			throw TidingsException.invalidPayload("The refresh token is required in either the payload or cookie");
		}
		return answer(this.sessions.refresh(token, client(request)), mode, request);
	}

	@PostMapping("/logout")
	public ResponseEntity<byte[]> logout(Accountability who, HttpServletRequest request) {
		Map<String, Object> body = optionalBody(request);
		Mode mode = mode(body);
		String token = refreshToken(body, mode, request);
		if (token == null) {
			throw TidingsException.invalidPayload("The refresh token is required in either the payload or cookie");
		}
		this.sessions.logout(token);
		ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
		if (cookieValue(request) != null) {
			answer.header(HttpHeaders.SET_COOKIE, this.cookie.clear(request).toString());
		}
		return answer.build();
	}

	private ResponseEntity<byte[]> answer(Sessions.Tokens tokens, Mode mode, HttpServletRequest request) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("access_token", tokens.accessToken());
		if (mode == Mode.JSON) {
			data.put("refresh_token", tokens.refreshToken());
		}
		data.put("expires", tokens.accessTtl().toMillis());
		ResponseEntity<byte[]> body = this.json.ok(data);
		if (mode == Mode.JSON) {
			return body;
		}
		return ResponseEntity.status(body.getStatusCode())
			.headers(body.getHeaders())
			.header(HttpHeaders.SET_COOKIE,
					this.cookie.set(tokens.refreshToken(), tokens.refreshTtl(), request).toString())
			.body(body.getBody());
	}

	/**
	 * Directus's rule: the given mode; else json when the body has a token; else cookie.
	 */
	private static Mode mode(Map<String, Object> body) {
		return Mode.of(body.get("mode"), body.containsKey("refresh_token") ? Mode.JSON : Mode.COOKIE);
	}

	private @Nullable String refreshToken(Map<String, Object> body, Mode mode, HttpServletRequest request) {
		Object token = (mode == Mode.JSON) ? body.get("refresh_token") : cookieValue(request);
		if (token != null && !(token instanceof String)) {
			throw TidingsException.invalidPayload("\"refresh_token\" must be a string");
		}
		return (token == null || ((String) token).isEmpty()) ? null : (String) token;
	}

	private @Nullable String cookieValue(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie candidate : request.getCookies()) {
				if (this.cookie.name().equals(candidate.getName()) && !candidate.getValue().isEmpty()) {
					return candidate.getValue();
				}
			}
		}
		return null;
	}

	/** Refresh and logout may come without a body, as cookie-mode clients send them. */
	private Map<String, Object> optionalBody(HttpServletRequest request) {
		if (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			return Map.of();
		}
		return Payloads.object(this.json.body(request), "The payload");
	}

	private static Sessions.Client client(HttpServletRequest request) {
		return RequestClients.of(request);
	}

	private enum Mode {

		JSON, COOKIE;

		static Mode of(@Nullable Object value, Mode fallback) {
			if (value == null) {
				return fallback;
			}
			if ("json".equals(value)) {
				return JSON;
			}
			if ("cookie".equals(value)) {
				return COOKIE;
			}
			// session mode (a JWT in a cookie, checked against its session per request)
			// is not offered yet
			throw TidingsException.invalidPayload("\"mode\" must be one of [json, cookie]");
		}

	}

}
