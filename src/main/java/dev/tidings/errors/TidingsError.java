package dev.tidings.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the Directus error envelope: {@code {"message": …, "extensions": {…,
 * "code": …}}}.
 *
 * @param code the Directus code, written last into {@code extensions}
 * @param message the human-readable message
 * @param extensions further fields of {@code extensions} (such as {@code reason} or
 * {@code field})
 */
public record TidingsError(ErrorCode code, String message, Map<String, Object> extensions) {

	public TidingsError {
		extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
	}

	public TidingsError(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	/** The {@code extensions} object as it goes on the wire, with {@code code} last. */
	public Map<String, Object> wireExtensions() {
		Map<String, Object> wire = new LinkedHashMap<>(this.extensions);
		wire.remove("code");
		wire.put("code", this.code.name());
		return wire;
	}

}
