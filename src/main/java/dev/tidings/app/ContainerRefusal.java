package dev.tidings.app;

/**
 * The Directus envelope for what the servlet container refuses itself, before any servlet
 * (a request line or headers over {@code server.max-http-request-header-size}, a
 * malformed request), so {@link StandaloneErrors} never sees it: Tomcat's
 * ({@link EnvelopeErrorReportValve}) and Jetty's ({@link EnvelopeErrorHandler}) answers
 * say the same.
 */
final class ContainerRefusal {

	private ContainerRefusal() {
	}

	static String envelope(int status) {
		String code = (status == 404) ? "ROUTE_NOT_FOUND"
				: (status >= 500) ? "INTERNAL_SERVER_ERROR" : "INVALID_PAYLOAD";
		String message = (status >= 500) ? "An unexpected error occurred." : "The request could not be read.";
		return "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}";
	}

}
