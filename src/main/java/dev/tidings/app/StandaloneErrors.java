package dev.tidings.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The standalone app answers failures outside Tidings' controllers (unknown routes, wrong
 * methods) with the Directus envelope too, since every client of this app speaks
 * Directus.
 */
@Controller
class StandaloneErrors implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : "/";
		int code = (status instanceof Integer number) ? number : 500;
		TidingsException failure = switch (code) {
			case 404 -> TidingsException.routeNotFound(path);
			case 405 -> new TidingsException(new TidingsError(ErrorCode.METHOD_NOT_ALLOWED,
					"Invalid method \"" + request.getAttribute("jakarta.servlet.error.method") + "\" used.",
					Map.of("path", path)));
			case 400 -> TidingsException.invalidPayload("The request could not be read");
			default -> TidingsException.internal();
		};
		return ResponseEntity.status(failure.httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(envelope(failure));
	}

	/** The failure as Directus's {@code errors} envelope. */
	static Map<String, Object> envelope(TidingsException failure) {
		List<Map<String, Object>> errors = failure.errors().stream().map((error) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("message", error.message());
			entry.put("extensions", error.wireExtensions());
			return entry;
		}).toList();
		return Map.of("errors", errors);
	}

}
