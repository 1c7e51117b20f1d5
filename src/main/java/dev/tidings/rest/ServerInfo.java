package dev.tidings.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.query.Query;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /server/info} tells: the project to everyone, and to a signed-in user the
 * query limits, the WebSocket endpoint and the version, in Directus's shape.
 *
 * @param projectName the project's name
 * @param queryLimitMax the largest {@code limit} a query may ask for, -1 for none
 * @param webSocket the WebSocket endpoint, or null when it is off
 * @param version the Tidings version
 */
public record ServerInfo(String projectName, int queryLimitMax, @Nullable WebSocket webSocket, String version) {

	/**
	 * @param path the endpoint's path
	 * @param authentication {@code public}, {@code handshake} or {@code strict}
	 * @param heartbeat the ping period, or null when the server does not ping
	 */
	public record WebSocket(String path, String authentication, @Nullable Duration heartbeat) {

	}

	Map<String, @Nullable Object> describe(Accountability who) {
		Map<String, @Nullable Object> project = new LinkedHashMap<>();
		project.put("project_name", this.projectName);
		project.put("project_descriptor", null);
		project.put("project_logo", null);
		project.put("project_color", null);
		project.put("default_language", "en-US");
		project.put("public_foreground", null);
		project.put("public_background", null);
		project.put("public_note", null);
		project.put("custom_css", null);
		project.put("public_registration", false);
		project.put("public_registration_verify_email", false);
		Map<String, @Nullable Object> info = new LinkedHashMap<>();
		info.put("project", project);
		if (who.isAnonymous()) {
			return info;
		}
		info.put("rateLimit", false);
		info.put("rateLimitGlobal", false);
		info.put("queryLimit", Map.of("default", Query.DEFAULT_LIMIT, "max", this.queryLimitMax));
		info.put("websocket", (this.webSocket != null) ? webSocket(this.webSocket) : false);
		info.put("version", this.version);
		return info;
	}

	private static Map<String, Object> webSocket(WebSocket socket) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("rest", Map.of("authentication", socket.authentication(), "path", socket.path()));
		described.put("graphql", false);
		described.put("heartbeat", (socket.heartbeat() != null) ? socket.heartbeat().toSeconds() : false);
		described.put("logs", false);
		return described;
	}

}
