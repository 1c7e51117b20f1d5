package dev.tidings.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers in the Directus envelope instead of Jetty's HTML page
 * ({@link ContainerRefusal}).
 */
class EnvelopeErrorHandler extends ErrorHandler {

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
		response.write(true, ByteBuffer.wrap(ContainerRefusal.envelope(code).getBytes(StandardCharsets.UTF_8)),
				callback);
	}

}
