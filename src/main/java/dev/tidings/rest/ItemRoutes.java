package dev.tidings.rest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.items.ReadResult;
import dev.tidings.query.Query;
import dev.tidings.query.QueryParser;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * The Directus CRUD routes of one collection, shared by {@code /items/{collection}} and
 * the system collections' own routes ({@code /users}, {@code /permissions}…). A write is
 * authorised before its body is read; writes answer with the written items read back
 * through the URL query, or 204 when the caller may write but not read them. A read with
 * {@code export} is answered as a file download instead of the JSON envelope. A singleton
 * reads and upserts its one item as an object, and has no route that creates or names an
 * item.
 */
final class ItemRoutes {

	private final ItemsService items;

	private final SchemaRegistry schemas;

	private final QueryParser queries;

	private final JsonCodec json;

	private final ExportFile export;

	ItemRoutes(ItemsService items, SchemaRegistry schemas, JsonCodec json) {
		this.items = items;
		this.schemas = schemas;
		this.json = json;
		this.queries = json.queries();
		this.export = new ExportFile(json, Clock.systemDefaultZone());
	}

	ResponseEntity<byte[]> readMany(Accountability who, String collection, HttpServletRequest request) {
		ExportFormat format = ExportFormat.parse(QueryString.parameter(request, "export"));
		return read(who, collection, this.json.urlQuery(request), format);
	}

	/**
	 * {@code SEARCH}: a read whose query (and keys) come in the body; the body is read
	 * once the caller is known to be allowed to read the collection at all.
	 */
	ResponseEntity<byte[]> search(Accountability who, String collection, HttpServletRequest request) {
		if (!"SEARCH".equals(request.getMethod())) {
			// the controllers map SEARCH as "any other method", Spring having no constant
			// for it
			throw new TidingsException(new TidingsError(ErrorCode.METHOD_NOT_ALLOWED,
					"Invalid method \"" + request.getMethod() + "\" used.", Map.of("path", request.getRequestURI())));
		}
		this.items.authorize(who, collection, Action.READ);
		SearchBody search = SearchBody.of(this.json.body(request), this.json.urlQuery(request), this.queries);
		if (search.keys() != null && !singleton(collection)) {
			return this.json.ok(this.items.readByKeys(who, collection, search.keys(), search.query()));
		}
		return read(who, collection, search.query(), null);
	}

	private ResponseEntity<byte[]> read(Accountability who, String collection, Query query,
			@Nullable ExportFormat format) {
		if (singleton(collection)) {
			Object item = this.items.readSingleton(who, collection, query);
			return (format != null) ? this.export.answer(format, collection, item) : this.json.ok(item);
		}
		ReadResult result = this.items.read(who, collection, query);
		if (format != null) {
			return this.export.answer(format, collection, result.data());
		}
		if (result.meta().isEmpty()) {
			return this.json.ok(result.data());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", result.data());
		body.put("meta", result.meta());
		return this.json.json(200, body);
	}

	ResponseEntity<byte[]> readOne(Accountability who, String collection, String id, HttpServletRequest request) {
		ExportFormat format = ExportFormat.parse(QueryString.parameter(request, "export"));
		Object item = this.items.readOne(who, collection, id, this.json.urlQuery(request));
		return (format != null) ? this.export.answer(format, collection, item) : this.json.ok(item);
	}

	ResponseEntity<byte[]> create(Accountability who, String collection, HttpServletRequest request) {
		refuseOnSingleton(collection, request);
		this.items.authorize(who, collection, Action.CREATE);
		Object body = this.json.body(request);
		Query query = this.json.urlQuery(request);
		if (body instanceof List<?> list) {
			List<Object> keys = this.items.create(who, collection, Payloads.objects(list));
			return readBack(who, collection, keys, query, true);
		}
		List<Object> keys = this.items.create(who, collection, List.of(Payloads.object(body, "The payload")));
		return readBack(who, collection, keys, query, false);
	}

	ResponseEntity<byte[]> updateMany(Accountability who, String collection, HttpServletRequest request) {
		this.items.authorize(who, collection, Action.UPDATE);
		Object body = this.json.body(request);
		Query query = this.json.urlQuery(request);
		if (singleton(collection)) {
			this.items.upsertSingleton(who, collection, Payloads.object(body, "The payload"));
			return readSingletonBack(who, collection, query);
		}
		if (body instanceof List<?> list) {
			return readBack(who, collection, this.items.updateBatch(who, collection, Payloads.objects(list)), query,
					true);
		}
		Map<String, Object> batch = Payloads.object(body, "The payload");
		Map<String, Object> data = Payloads.object(batch.get("data"), "\"data\"");
		List<Object> keys = Payloads.keysOrQuery(batch)
				? this.items.update(who, collection, Payloads.keys(batch.get("keys")), data)
				: this.items.updateByQuery(who, collection, bodyQuery(batch), data);
		return readBack(who, collection, keys, query, true);
	}

	ResponseEntity<byte[]> updateOne(Accountability who, String collection, String id, HttpServletRequest request) {
		refuseOnSingleton(collection, request);
		this.items.authorize(who, collection, Action.UPDATE);
		Map<String, Object> data = Payloads.object(this.json.body(request), "The payload");
		return readBack(who, collection, this.items.update(who, collection, List.of(id), data),
				this.json.urlQuery(request), false);
	}

	ResponseEntity<byte[]> deleteMany(Accountability who, String collection, HttpServletRequest request) {
		this.items.authorize(who, collection, Action.DELETE);
		Object body = this.json.body(request);
		if (body instanceof List<?> keys) {
			this.items.delete(who, collection, Payloads.keys(keys));
		}
		else {
			Map<String, Object> batch = Payloads.object(body, "The payload");
			if (Payloads.keysOrQuery(batch)) {
				this.items.delete(who, collection, Payloads.keys(batch.get("keys")));
			}
			else {
				this.items.deleteByQuery(who, collection, bodyQuery(batch));
			}
		}
		return ResponseEntity.noContent().build();
	}

	ResponseEntity<byte[]> deleteOne(Accountability who, String collection, String id) {
		this.items.delete(who, collection, List.of(id));
		return ResponseEntity.noContent().build();
	}

	ResponseEntity<byte[]> readBack(Accountability who, String collection, List<Object> keys, Query query,
			boolean many) {
		List<Map<String, @Nullable Object>> written;
		try {
			written = this.items.readByKeys(who, collection, keys, query);
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

	private ResponseEntity<byte[]> readSingletonBack(Accountability who, String collection, Query query) {
		try {
			return this.json.ok(this.items.readSingleton(who, collection, query));
		}
		catch (TidingsException ex) {
			if (ex.code() == ErrorCode.FORBIDDEN) {
				return ResponseEntity.noContent().build();
			}
			throw ex;
		}
	}

	private boolean singleton(String collection) {
		return this.schemas.require(collection).singleton();
	}

	/** Creating or naming an item of a singleton is a route that does not exist. */
	private void refuseOnSingleton(String collection, HttpServletRequest request) {
		if (singleton(collection)) {
			throw TidingsException.routeNotFound(request.getRequestURI());
		}
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
