package dev.tidings.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of the URL's query string, and only those: the servlet API's
 * {@code getParameter} also reads form and multipart bodies, which let a body change the
 * query and made an oversized or undecodable form body fail with 500 before any check.
 */
final class QueryString {

	private QueryString() {
	}

	/** Every parameter in order, each with its values; INVALID_QUERY when undecodable. */
	static Map<String, List<String>> parameters(HttpServletRequest request) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	/** The first value of the parameter, or null. */
	static @Nullable String parameter(HttpServletRequest request, String name) {
		List<String> values = parameters(request).get(name);
		return (values != null) ? values.get(0) : null;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw TidingsException.invalidQuery("The query string is not correctly encoded");
		}
	}

}
