package dev.tidings.fuzz;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP invariant: every answer is a 2xx or 4xx in the Directus envelope,
 * {@code {"data":…}} (with an optional {@code meta}) or
 * {@code {"errors":[{"message","extensions":{"code"}}]}}; a 204 has no body.
 */
public final class Envelope {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private Envelope() {
	}

	/** What is wrong with the answer, or null if nothing. */
	public static @Nullable String problem(int status, @Nullable String contentType, String body) {
		if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
			return "status " + status + ": " + FuzzRun.shorten(body, 300);
		}
		if (status == 204) {
			return body.isEmpty() ? null : "204 with a body";
		}
		if (contentType == null || !contentType.startsWith("application/json")) {
			return "status " + status + " with Content-Type " + contentType + ": " + FuzzRun.shorten(body, 300);
		}
		Object parsed;
		try {
			parsed = JSON.readValue(body, Object.class);
		}
		catch (RuntimeException ex) {
			return "status " + status + " body is not JSON: " + FuzzRun.shorten(body, 300);
		}
		if (!(parsed instanceof Map<?, ?> envelope)) {
			return "body is not an object: " + FuzzRun.shorten(body, 300);
		}
		if (status < 300) {
			return (envelope.containsKey("data") && List.of("data", "meta").containsAll(envelope.keySet())) ? null
					: "2xx without the data envelope: " + FuzzRun.shorten(body, 300);
		}
		return errorProblem(status, envelope, body);
	}

	private static @Nullable String errorProblem(int status, Map<?, ?> envelope, String body) {
		if (!envelope.keySet().equals(java.util.Set.of("errors")) || !(envelope.get("errors") instanceof List<?> errors)
				|| errors.isEmpty()) {
			return "status " + status + " without the errors envelope: " + FuzzRun.shorten(body, 300);
		}
		for (Object error : errors) {
			if (!(error instanceof Map<?, ?> entry) || !(entry.get("message") instanceof String)
					|| !(entry.get("extensions") instanceof Map<?, ?> extensions)
					|| !(extensions.get("code") instanceof String)) {
				return "status " + status + " with a malformed error: " + FuzzRun.shorten(body, 300);
			}
		}
		String lower = body.toLowerCase(java.util.Locale.ROOT);
		for (String internal : List.of("exception", "hibernate", "select ", "insert ", "\tat ", "org.h2")) {
			if (lower.contains(internal)) {
				return "error leaks internals (" + internal.strip() + "): " + FuzzRun.shorten(body, 300);
			}
		}
		return null;
	}

}
