package dev.tidings.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** REST calls the realtime tests make to cause changes, as a client would. */
final class Rest {

	private static final HttpClient http = HttpClient.newHttpClient();

	private Rest() {
	}

	/** Sends the request with the token; fails unless it succeeds; the body, if any. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> send(int port, String token, String method, String path, @Nullable Object body) {
		HttpResponse<String> response = call(port, token, method, path, body);
		assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
		return response.body().isEmpty() ? Map.of() : SocketClient.json.readValue(response.body(), Map.class);
	}

	/** Sends the request, with the token if there is one, and returns the response. */
	static HttpResponse<String> call(int port, @Nullable String token, String method, String path,
			@Nullable Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		request = (body != null)
				? request.header("Content-Type", "application/json")
					.method(method,
							HttpRequest.BodyPublishers.ofString(
									(body instanceof String text) ? text : SocketClient.json.writeValueAsString(body)))
				: request.method(method, HttpRequest.BodyPublishers.noBody());
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
