package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.items.ReadResult;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import dev.tidings.security.Accountability;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
 * {@code /items/{collection}/{id}}. Writes answer with the written items read back
 * through the URL query, or 204 when nothing can be read back.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/items/{collection}")
public class ItemsController {

	private final ItemsService items;

	private final QueryParser queries;

	private final JsonCodec json;

	public ItemsController(ItemsService items, JsonCodec json) {
		this.items = items;
		this.json = json;
		this.queries = new QueryParser(json::read);
	}

	@GetMapping
	public ResponseEntity<byte[]> readMany(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		ReadResult result = this.items.read(who, content(collection), urlQuery(request));
		if (result.meta().isEmpty()) {
			return this.json.ok(result.data());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", result.data());
		body.put("meta", result.meta());
		return this.json.json(200, body);
	}

	@GetMapping("/{id}")
	public ResponseEntity<byte[]> readOne(Accountability who, @PathVariable String collection, @PathVariable String id,
			HttpServletRequest request) {
		return this.json.ok(this.items.readOne(who, content(collection), id, urlQuery(request)));
	}

	@PostMapping
	public ResponseEntity<byte[]> create(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		Object body = this.json.body(request);
		Query query = urlQuery(request);
		if (body instanceof List<?> list) {
			List<Object> keys = this.items.create(who, content(collection), Payloads.objects(list));
			return readBack(who, collection, keys, query, true);
		}
		List<Object> keys = this.items.create(who, content(collection), List.of(Payloads.object(body, "The payload")));
		return readBack(who, collection, keys, query, false);
	}

	@PatchMapping
	public ResponseEntity<byte[]> updateMany(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		Object body = this.json.body(request);
		Query query = urlQuery(request);
		if (body instanceof List<?> list) {
			return readBack(who, collection, this.items.updateBatch(who, content(collection), Payloads.objects(list)),
					query, true);
		}
		Map<String, Object> batch = Payloads.object(body, "The payload");
		Map<String, Object> data = Payloads.object(batch.get("data"), "\"data\"");
		List<Object> keys = Payloads.keysOrQuery(batch)
				? this.items.update(who, content(collection), Payloads.keys(batch.get("keys")), data)
				: this.items.updateByQuery(who, content(collection), bodyQuery(batch), data);
		return readBack(who, collection, keys, query, true);
	}

	@PatchMapping("/{id}")
	public ResponseEntity<byte[]> updateOne(Accountability who, @PathVariable String collection,
			@PathVariable String id, HttpServletRequest request) {
		Map<String, Object> data = Payloads.object(this.json.body(request), "The payload");
		return readBack(who, collection, this.items.update(who, content(collection), List.of(id), data),
				urlQuery(request), false);
	}

	@DeleteMapping
	public ResponseEntity<byte[]> deleteMany(Accountability who, @PathVariable String collection,
			HttpServletRequest request) {
		Object body = this.json.body(request);
		if (body instanceof List<?> keys) {
			this.items.delete(who, content(collection), Payloads.keys(keys));
		}
		else {
			Map<String, Object> batch = Payloads.object(body, "The payload");
			if (Payloads.keysOrQuery(batch)) {
				this.items.delete(who, content(collection), Payloads.keys(batch.get("keys")));
			}
			else {
				this.items.deleteByQuery(who, content(collection), bodyQuery(batch));
			}
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<byte[]> deleteOne(Accountability who, @PathVariable String collection,
			@PathVariable String id) {
		this.items.delete(who, content(collection), List.of(id));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<byte[]> readBack(Accountability who, String collection, List<Object> keys, Query query,
			boolean many) {
		List<Map<String, @Nullable Object>> written;
		try {
			written = this.items.readByKeys(who, content(collection), keys, query);
		}
		catch (TidingsException ex) {
			// a caller allowed to write but not to read gets an empty success, as
			// Directus
			if (ex.code() == ErrorCode.FORBIDDEN) {
				return ResponseEntity.noContent().build();
			}
			throw ex;
		}
		if (many) {
			return this.json.ok(written);
		}
		return written.isEmpty() ? ResponseEntity.noContent().build() : this.json.ok(written.get(0));
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

	private Query urlQuery(HttpServletRequest request) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
		return this.queries.fromUrl(params);
	}

	@SuppressWarnings("unchecked")
	private Query bodyQuery(Map<String, Object> batch) {
		Object query = batch.get("query");
		if (!(query instanceof Map<?, ?>)) {
			throw TidingsException.invalidPayload("\"query\" must be an object");
		}
		return this.queries.fromJson((Map<String, ?>) query);
	}

}
