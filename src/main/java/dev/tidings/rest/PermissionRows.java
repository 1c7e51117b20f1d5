package dev.tidings.rest;

import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.QueryParser;
import dev.tidings.security.Action;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Checks permission rows before they are written: a rule that does not parse would make
 * every request of its policy fail, so it is refused up front with a clear error.
 */
final class PermissionRows {

	private final JsonCodec json;

	private final QueryParser queries;

	PermissionRows(JsonCodec json) {
		this.json = json;
		this.queries = new QueryParser(json::read);
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
		for (String filter : List.of("permissions", "validation")) {
			Object value = map.get(filter);
			if (value != null && !(value instanceof Map<?, ?>)) {
				throw TidingsException.invalidPayload("\"" + filter + "\" must be a filter object or null");
			}
			try {
				this.queries.parseFilter(value);
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
