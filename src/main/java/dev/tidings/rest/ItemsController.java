package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.items.ReadResult;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
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
	public ResponseEntity<byte[]> readMany(@PathVariable String collection, HttpServletRequest request) {
		ReadResult result = this.items.read(collection, urlQuery(request));
		if (result.meta().isEmpty()) {
			return this.json.ok(result.data());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", result.data());
		body.put("meta", result.meta());
		return this.json.json(200, body);
	}

	@GetMapping("/{id}")
	public ResponseEntity<byte[]> readOne(@PathVariable String collection, @PathVariable String id,
			HttpServletRequest request) {
		return this.json.ok(this.items.readOne(collection, id, urlQuery(request)));
	}

	@PostMapping
	public ResponseEntity<byte[]> create(@PathVariable String collection, HttpServletRequest request) {
		Object body = this.json.body(request);
		Query query = urlQuery(request);
		if (body instanceof List<?> list) {
			List<Object> keys = this.items.create(collection, Payloads.objects(list));
			return readBack(collection, keys, query, true);
		}
		List<Object> keys = this.items.create(collection, List.of(Payloads.object(body, "The payload")));
		return readBack(collection, keys, query, false);
	}

	@PatchMapping
	public ResponseEntity<byte[]> updateMany(@PathVariable String collection, HttpServletRequest request) {
		Object body = this.json.body(request);
		Query query = urlQuery(request);
		if (body instanceof List<?> list) {
			return readBack(collection, this.items.updateBatch(collection, Payloads.objects(list)), query, true);
		}
		Map<String, Object> batch = Payloads.object(body, "The payload");
		Map<String, Object> data = Payloads.object(batch.get("data"), "\"data\"");
		List<Object> keys = Payloads.keysOrQuery(batch)
				? this.items.update(collection, Payloads.keys(batch.get("keys")), data)
				: this.items.updateByQuery(collection, bodyQuery(batch), data);
		return readBack(collection, keys, query, true);
	}

	@PatchMapping("/{id}")
	public ResponseEntity<byte[]> updateOne(@PathVariable String collection, @PathVariable String id,
			HttpServletRequest request) {
		Map<String, Object> data = Payloads.object(this.json.body(request), "The payload");
		return readBack(collection, this.items.update(collection, List.of(id), data), urlQuery(request), false);
	}

	@DeleteMapping
	public ResponseEntity<byte[]> deleteMany(@PathVariable String collection, HttpServletRequest request) {
		Object body = this.json.body(request);
		if (body instanceof List<?> keys) {
			this.items.delete(collection, Payloads.keys(keys));
		}
		else {
			Map<String, Object> batch = Payloads.object(body, "The payload");
			if (Payloads.keysOrQuery(batch)) {
				this.items.delete(collection, Payloads.keys(batch.get("keys")));
			}
			else {
				this.items.deleteByQuery(collection, bodyQuery(batch));
			}
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<byte[]> deleteOne(@PathVariable String collection, @PathVariable String id) {
		this.items.delete(collection, List.of(id));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<byte[]> readBack(String collection, List<Object> keys, Query query, boolean many) {
		List<Map<String, @Nullable Object>> written = this.items.readByKeys(collection, keys, query);
		if (many) {
			return this.json.ok(written);
		}
		return written.isEmpty() ? ResponseEntity.noContent().build() : this.json.ok(written.get(0));
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
