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
 * The Directus items API: {@code /items/{collection}} and
 * {@code /items/{collection}/{id}}, for content collections only.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/items/{collection}")
public class ItemsController {

	private final ItemRoutes routes;

	public ItemsController(ItemsService items, SchemaRegistry schemas, JsonCodec json) {
		this.routes = new ItemRoutes(items, schemas, json);
	}

	@GetMapping
	public ResponseEntity<byte[]> readMany(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		return this.routes.readMany(who, content(collection), request);
	}

	/** {@code SEARCH}: a read whose query comes in the body ({@link SearchBody}). */
	@RequestMapping
	public ResponseEntity<byte[]> search(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		return this.routes.search(who, content(collection), request);
	}

	@GetMapping("/{id}")
	public ResponseEntity<byte[]> readOne(Accountability who, @PathVariable String collection, @PathVariable String id,
			HttpServletRequest request) {
		return this.routes.readOne(who, content(collection), id, request);
	}

	@PostMapping
	public ResponseEntity<byte[]> create(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		return this.routes.create(who, content(collection), request);
	}

	@PatchMapping
	public ResponseEntity<byte[]> updateMany(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		return this.routes.updateMany(who, content(collection), request);
	}

	@PatchMapping("/{id}")
	public ResponseEntity<byte[]> updateOne(Accountability who, @PathVariable String collection,
			@PathVariable String id, HttpServletRequest request) {
		return this.routes.updateOne(who, content(collection), id, request);
	}

	@DeleteMapping
	public ResponseEntity<byte[]> deleteMany(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		return this.routes.deleteMany(who, content(collection), request);
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<byte[]> deleteOne(Accountability who, @PathVariable String collection,
			@PathVariable String id) {
		return this.routes.deleteOne(who, content(collection), id);
	}

	/**
	 * System collections have their own routes ({@code /users}, {@code /permissions}…)
	 * and are never items, as in Directus.
	 */
	private static String content(String collection) {
		if (collection.startsWith("directus_")) {
			throw TidingsException.forbiddenCollection(collection);
		}
		return collection;
	}

}
