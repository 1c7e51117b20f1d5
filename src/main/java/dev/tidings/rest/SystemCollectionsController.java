package dev.tidings.rest;

import dev.tidings.items.ItemsService;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
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
 * The administration routes {@code /users}, {@code /roles}, {@code /policies},
 * {@code /access} and {@code /permissions}, the rows of {@code /files} and
 * {@code /folders} ({@link FilesController} takes the uploads), and {@code /comments}:
 * the same CRUD and query language as items, on the {@code directus_*} collections, under
 * the same permissions (so admins only, unless a policy grants more).
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/{system:users|roles|policies|access|permissions|files|folders|comments}")
public class SystemCollectionsController {

	private final ItemRoutes routes;

	private final PermissionRows permissionRows;

	private final ItemsService items;

	public SystemCollectionsController(ItemsService items, SchemaRegistry schemas, JsonCodec json) {
		this.items = items;
		this.routes = new ItemRoutes(items, schemas, json);
		this.permissionRows = new PermissionRows(json, schemas);
	}

	@GetMapping
	public ResponseEntity<byte[]> readMany(Accountability who, @PathVariable String system,
			HttpServletRequest request) {
		return this.routes.readMany(who, collection(system), request);
	}

	/** {@code SEARCH}: a read whose query comes in the body. */
	@RequestMapping
	public ResponseEntity<byte[]> search(Accountability who, @PathVariable String system, HttpServletRequest request) {
		return this.routes.search(who, collection(system), request);
	}

	@GetMapping("/{id}")
	public ResponseEntity<byte[]> readOne(Accountability who, @PathVariable String system, @PathVariable String id,
			HttpServletRequest request) {
		return this.routes.readOne(who, collection(system), id, request);
	}

	@PostMapping
	public ResponseEntity<byte[]> create(Accountability who, @PathVariable String system, HttpServletRequest request) {
		return this.routes.create(who, collection(system), checked(who, system, Action.CREATE, request));
	}

	@PatchMapping
	public ResponseEntity<byte[]> updateMany(Accountability who, @PathVariable String system,
			HttpServletRequest request) {
		return this.routes.updateMany(who, collection(system), checked(who, system, Action.UPDATE, request));
	}

	@PatchMapping("/{id}")
	public ResponseEntity<byte[]> updateOne(Accountability who, @PathVariable String system, @PathVariable String id,
			HttpServletRequest request) {
		return this.routes.updateOne(who, collection(system), id, checked(who, system, Action.UPDATE, request));
	}

	@DeleteMapping
	public ResponseEntity<byte[]> deleteMany(Accountability who, @PathVariable String system,
			HttpServletRequest request) {
		return this.routes.deleteMany(who, collection(system), request);
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<byte[]> deleteOne(Accountability who, @PathVariable String system, @PathVariable String id) {
		return this.routes.deleteOne(who, collection(system), id);
	}

	private static String collection(String system) {
		return "directus_" + system;
	}

	/**
	 * Permission rows are checked before they are stored: a broken rule must never land.
	 * Only a caller who may write them gets that far, so nobody else learns which
	 * collections and fields exist from the checks' messages.
	 */
	private HttpServletRequest checked(Accountability who, String system, Action action, HttpServletRequest request) {
		this.items.authorize(who, collection(system), action);
		if (system.equals("permissions")) {
			this.permissionRows.check(request);
		}
		return request;
	}

}
