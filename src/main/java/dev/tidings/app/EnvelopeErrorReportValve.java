package dev.tidings.app;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a request line or headers over
 * {@code server.max-http-request-header-size}, a malformed request) in the Directus
 * envelope instead of Tomcat's HTML page: they are refused before any servlet, so
 * {@link StandaloneErrors} never sees them.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String code = (status == 404) ? "ROUTE_NOT_FOUND"
				: (status >= 500) ? "INTERNAL_SERVER_ERROR" : "INVALID_PAYLOAD";
		String message = (status >= 500) ? "An unexpected error occurred." : "The request could not be read.";
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(
						"{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer already started: nothing more to say
		}
	}

}
