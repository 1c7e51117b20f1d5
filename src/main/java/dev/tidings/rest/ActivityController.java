package dev.tidings.rest;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /activity} and {@code /revisions}: read-only, with the query language and under
 * the caller's permissions, as {@code directus_activity} and {@code directus_revisions}.
 * Only the server writes them, so Directus has no route that writes either, and neither
 * do we: a write is answered {@code ROUTE_NOT_FOUND}.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/{log:activity|revisions}")
public class ActivityController {

	private final ItemRoutes routes;

	public ActivityController(ItemsService items, SchemaRegistry schemas, JsonCodec json) {
		this.routes = new ItemRoutes(items, schemas, json);
	}

	@GetMapping
	public ResponseEntity<byte[]> readMany(Accountability who, @PathVariable String log, HttpServletRequest request) {
		return this.routes.readMany(who, collection(log), request);
	}

	/** {@code SEARCH}: a read whose query comes in the body. */
	@RequestMapping
	public ResponseEntity<byte[]> search(Accountability who, @PathVariable String log, HttpServletRequest request) {
		return this.routes.search(who, collection(log), request);
	}

	@GetMapping("/{id}")
	public ResponseEntity<byte[]> readOne(Accountability who, @PathVariable String log, @PathVariable String id,
			HttpServletRequest request) {
		return this.routes.readOne(who, collection(log), id, request);
	}

	@PostMapping({ "", "/{id}" })
	public ResponseEntity<byte[]> create(HttpServletRequest request) {
		throw TidingsException.routeNotFound(request.getRequestURI());
	}

	@PatchMapping({ "", "/{id}" })
	public ResponseEntity<byte[]> update(HttpServletRequest request) {
		throw TidingsException.routeNotFound(request.getRequestURI());
	}

	@DeleteMapping({ "", "/{id}" })
	public ResponseEntity<byte[]> delete(HttpServletRequest request) {
		throw TidingsException.routeNotFound(request.getRequestURI());
	}

	private static String collection(String log) {
		return "directus_" + log;
	}

}
