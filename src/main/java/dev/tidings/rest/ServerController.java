package dev.tidings.rest;

import java.util.Map;

import dev.tidings.security.Accountability;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /server/ping}, {@code /server/health} and {@code /server/info}, which the SDK
 * and load balancers call.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/server")
public class ServerController {

	private static final MediaType HEALTH_JSON = MediaType.parseMediaType("application/health+json");

	private final JsonCodec json;

	private final ServerInfo info;

	public ServerController(JsonCodec json, ServerInfo info) {
		this.json = json;
		this.info = info;
	}

	@GetMapping("/info")
	public ResponseEntity<byte[]> info(Accountability who) {
		return this.json.ok(this.info.describe(who));
	}

	@GetMapping("/ping")
	public ResponseEntity<String> ping() {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html; charset=utf-8")).body("pong");
	}

	@GetMapping("/health")
	public ResponseEntity<byte[]> health() {
		ResponseEntity<byte[]> body = this.json.json(200, Map.of("status", "ok"));
		return ResponseEntity.ok().contentType(HEALTH_JSON).body(body.getBody());
	}

}
