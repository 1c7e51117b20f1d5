package dev.tidings.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads server frames. A push goes to many sessions as the same text, so parses are
 * cached by text: the load tool shares the server's two cores and must cost it as little
 * as it can.
 */
final class Frames {

	private static final int CACHE_LIMIT = 20_000;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Frame> cache = new ConcurrentHashMap<>();

	Frame read(String text) {
		Frame frame = this.cache.get(text);
		if (frame == null) {
			frame = parse(text);
			if (this.cache.size() > CACHE_LIMIT) {
				this.cache.clear();
			}
			this.cache.put(text, frame);
		}
		return frame;
	}

	private Frame parse(String text) {
		JsonNode node = this.json.readTree(text);
		String type = node.path("type").asString("");
		String event = node.path("event").asString(null);
		String status = node.path("status").asString(null);
		List<Pushed> data = new ArrayList<>();
		JsonNode payload = node.path("data");
		if (payload.isArray()) {
			payload.forEach((element) -> data.add(pushed(element)));
		}
		else if (!payload.isMissingNode() && !payload.isNull()) {
			data.add(pushed(payload));
		}
		return new Frame(type, event, status, data, text);
	}

	private static Pushed pushed(JsonNode element) {
		if (!element.isObject()) {
			// a deleted key: a number, or a string when Directus deleted over a REST path
			return new Pushed(element.asString(), null, Set.of());
		}
		Set<String> fields = new LinkedHashSet<>(element.propertyNames());
		JsonNode id = element.path("id");
		return new Pushed(id.isMissingNode() ? null : id.asString(), element.path("title").asString(null),
				Set.copyOf(fields));
	}

	/** One server frame, as far as the checks need it. */
	record Frame(String type, String event, String status, List<Pushed> data, String text) {

		boolean isError() {
			return "error".equals(this.status);
		}

	}

	/** One item of a push (or one deleted key), with the fields it carried. */
	record Pushed(String key, String title, Set<String> fields) {

	}

}
