package dev.tidings.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running Tidings over real HTTP with the JDK client, which sends bodies as
 * given, any method, and brackets in query strings unencoded, as Directus clients do.
 */
public final class ApiClient {

	public static final String JSON = "application/json";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * The administrator the tests act as, created at start-up from
	 * {@code src/test/resources/application.properties}.
	 */
	public static final String ADMIN_EMAIL = "admin@example.com";

	public static final String ADMIN_PASSWORD = "admin-password-123";

	/**
	 * One login per server and user (argon2 is slow on purpose); tokens outlive a test
	 * run.
	 */
	private static final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final String base;

	private String bearer;

	public ApiClient(int port) {
		this("http://localhost:" + port);
	}

	/** A client of a server whose Tidings routes live under a base path. */
	public ApiClient(int port, String basePath) {
		this("http://localhost:" + port + basePath);
	}

	private ApiClient(String base) {
		this.base = base;
	}

	/**
	 * Sends every request as the administrator, logging in through {@code /auth/login}.
	 */
	public ApiClient asAdmin() {
		return as(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	/**
	 * Sends every request as the given user, logging in through {@code /auth/login} once
	 * per server and e-mail address; a test that deletes a user must not reuse its
	 * address.
	 */
	public ApiClient as(String email, String password) {
		String key = this.base + " " + email;
		boolean[] fresh = { false };
		String token = tokens.computeIfAbsent(key, (absent) -> {
			fresh[0] = true;
			return login(email, password);
		});
		if (!fresh[0] && !accepted(token)) {
			// a server on a port an earlier one had, with another secret: log in again
			token = login(email, password);
			tokens.put(key, token);
		}
		this.bearer = token;
		return this;
	}

	private boolean accepted(String token) {
		return new ApiClient(this.base).withToken(token).get("/users/me?fields=id").status() == 200;
	}

	/** Sends every request with the given bearer token (null for none). */
	public ApiClient withToken(String token) {
		this.bearer = token;
		return this;
	}

	/** A fresh client of the same server, without a token: the public. */
	public ApiClient anonymous() {
		return new ApiClient(this.base);
	}

	/** A fresh access token for the user, from a real {@code /auth/login}. */
	public String login(String email, String password) {
		Reply login = new ApiClient(this.base).post("/auth/login",
				json(Map.of("email", email, "password", password, "mode", "json")));
		return (String) login.item().get("access_token");
	}

	/** The access token requests carry, or null for an anonymous client. */
	public String bearer() {
		return this.bearer;
	}

	public Reply get(String pathAndQuery) {
		return send("GET", pathAndQuery, null, BodyPublishers.noBody());
	}

	public Reply post(String pathAndQuery, String json) {
		return send("POST", pathAndQuery, JSON, BodyPublishers.ofString(json));
	}

	public Reply patch(String pathAndQuery, String json) {
		return send("PATCH", pathAndQuery, JSON, BodyPublishers.ofString(json));
	}

	public Reply delete(String pathAndQuery) {
		return send("DELETE", pathAndQuery, null, BodyPublishers.noBody());
	}

	public Reply delete(String pathAndQuery, String json) {
		return send("DELETE", pathAndQuery, JSON, BodyPublishers.ofString(json));
	}

	/**
	 * Sends the bytes as a chunked body (no {@code Content-Length}), as a streaming
	 * client does.
	 */
	public Reply postChunked(String pathAndQuery, byte[] body) {
		return send("POST", pathAndQuery, JSON, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
	}

	public Reply send(String method, String pathAndQuery, String contentType, BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A JSON value as the text of a request body. */
	public static String json(Object value) {
		return mapper.writeValueAsString(value);
	}

	/** A query-string value percent-encoded, for JSON such as {@code filter={…}}. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public static Object parse(String json) {
		return mapper.readValue(json, Object.class);
	}

}
