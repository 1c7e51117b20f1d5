package dev.tidings.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.QueryParser;
import dev.tidings.query.Variables;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Checks permission rows before they are written: a rule that does not parse would make
 * every request of its policy fail, so it is refused up front with a clear error.
 */
final class PermissionRows {

	/** Variables of some signed-in caller: each has a value, so its type is checked. */
	private static final Variables SIGNED_IN = new Variables(UUID.randomUUID(), UUID.randomUUID(),
			List.of(UUID.randomUUID()), List.of(UUID.randomUUID()), Instant.EPOCH);

	private final JsonCodec json;

	private final QueryParser queries;

	private final SchemaRegistry schemas;

	PermissionRows(JsonCodec json, SchemaRegistry schemas) {
		this.json = json;
		this.queries = json.queries();
		this.schemas = schemas;
	}

	void check(HttpServletRequest request) {
		Object body = this.json.body(request);
		if (body instanceof List<?> rows) {
			rows.forEach(this::checkRow);
		}
		else if (body instanceof Map<?, ?> map && map.get("data") instanceof Map<?, ?> data
				&& (map.containsKey("keys") || map.containsKey("query"))) {
			checkRow(data);
		}
		else {
			checkRow(body);
		}
	}

	/** The collection a row names; null when the row does not say (a partial update). */
	private @Nullable CollectionSchema collection(@Nullable Object name) {
		if (name == null) {
			return null;
		}
		if (!(name instanceof String text) || this.schemas.find(text).isEmpty()) {
			throw TidingsException.invalidPayload("\"collection\" must name an existing collection");
		}
		return this.schemas.require(text);
	}

	private void checkRow(@Nullable Object row) {
		if (!(row instanceof Map<?, ?> map)) {
			return;
		}
		if (map.get("action") instanceof String action) {
			Action.fromToken(action);
		}
		else if (map.containsKey("action")) {
			throw TidingsException.invalidPayload("\"action\" must be one of create, read, update, delete");
		}
		CollectionSchema collection = collection(map.get("collection"));
		for (String filter : List.of("permissions", "validation")) {
			Object value = map.get(filter);
			if (value != null && !(value instanceof Map<?, ?>)) {
				throw TidingsException.invalidPayload("\"" + filter + "\" must be a filter object or null");
			}
			try {
				Filter parsed = this.queries.parseFilter(value);
				if (parsed != null && collection != null) {
					// binding checks fields, operators and values against the collection,
					// as
					// a signed-in caller's request would
					FilterBinder.bind(parsed, collection, this.schemas, SIGNED_IN);
				}
			}
			catch (TidingsException ex) {
				throw TidingsException
					.invalidPayload("\"" + filter + "\" is not a valid filter: " + ex.errors().get(0).message());
			}
		}
		Object presets = map.get("presets");
		if (presets != null && !(presets instanceof Map<?, ?>)) {
			throw TidingsException.invalidPayload("\"presets\" must be an object or null");
		}
	}

}
