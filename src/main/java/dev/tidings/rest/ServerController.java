package dev.tidings.rest;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /server/ping} and {@code /server/health}, which the SDK and load balancers call.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/server")
public class ServerController {

	private static final MediaType HEALTH_JSON = MediaType.parseMediaType("application/health+json");

	private final JsonCodec json;

	public ServerController(JsonCodec json) {
		this.json = json;
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
