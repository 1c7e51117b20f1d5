package dev.tidings.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST calls the tool makes, over HTTP/1.1 with keep-alive: log in, create, update
 * or delete an article as the administrator, and the administrator's other reads and
 * creates (accounts for scenario (e)).
 */
final class Rest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	private final URI base;

	private volatile String adminToken;

	Rest(URI base) {
		this.base = base;
	}

	/** Logs in; returns the access token. */
	String login(String email, String password) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.base.resolve("/auth/login"))
			.POST(body(Map.of("email", email, "password", password))), null);
		if (response.statusCode() != 200) {
			throw new IOException("login of " + email + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body()).path("data").path("access_token").asString();
	}

	void actAs(String adminToken) {
		this.adminToken = adminToken;
	}

	/** Creates the item; returns its key. */
	String create(Item item, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(this.base.resolve("/items/articles")).POST(body(fields(item, body))),
				this.adminToken);
		check(response, 200, "create");
		return this.json.readTree(response.body()).path("data").path("id").asString();
	}

	void update(Item item, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.base.resolve("/items/articles/" + item.id()))
			.method("PATCH", body(fields(item, body))), this.adminToken);
		check(response, 200, "update");
	}

	void delete(String id) throws IOException, InterruptedException {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(this.base.resolve("/items/articles/" + id)).DELETE(), this.adminToken);
		check(response, 204, "delete");
	}

	/** {@code GET} as the administrator; returns the answer's {@code data}. */
	JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.base.resolve(pathAndQuery)).GET(),
				this.adminToken);
		check(response, 200, "GET " + pathAndQuery);
		return this.json.readTree(response.body()).path("data");
	}

	/** {@code POST} as the administrator; returns the answer's {@code data}. */
	JsonNode post(String path, Object body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.base.resolve(path)).POST(body(body)),
				this.adminToken);
		check(response, 200, "POST " + path);
		return this.json.readTree(response.body()).path("data");
	}

	/** How long {@code GET /server/ping} takes now, in microseconds. */
	long ping() throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.base.resolve("/server/ping")).GET(), null);
		check(response, 200, "ping");
		return (System.nanoTime() - start) / 1000;
	}

	private static Map<String, Object> fields(Item item, String body) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("title", item.title());
		fields.put("status", item.status());
		fields.put("views", item.views());
		if (!body.isEmpty()) {
			fields.put("body", body);
		}
		return fields;
	}

	private HttpRequest.BodyPublisher body(Object value) {
		return HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(value));
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token)
			throws IOException, InterruptedException {
		request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(120));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void check(HttpResponse<String> response, int status, String what) throws IOException {
		if (response.statusCode() != status) {
			throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
		}
	}

}
