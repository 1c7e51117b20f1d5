package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.schema.CollectionSchema;
import org.jspecify.annotations.Nullable;

/**
 * A collection as {@code /collections} describes it: its table ({@code schema}) and what
 * Directus keeps in {@code directus_collections} ({@code meta}), of which only
 * {@code singleton} and {@code system} vary here.
 */
final class CollectionDescriptions {

	private CollectionDescriptions() {
	}

	static Map<String, @Nullable Object> of(CollectionSchema collection) {
		Map<String, @Nullable Object> meta = new LinkedHashMap<>();
		meta.put("collection", collection.name());
		meta.put("icon", null);
		meta.put("note", null);
		meta.put("display_template", null);
		meta.put("hidden", false);
		meta.put("singleton", collection.singleton());
		meta.put("translations", null);
		meta.put("archive_field", null);
		meta.put("archive_app_filter", true);
		meta.put("archive_value", null);
		meta.put("unarchive_value", null);
		meta.put("sort_field", null);
		meta.put("accountability", "all");
		meta.put("color", null);
		meta.put("item_duplication_fields", null);
		meta.put("sort", null);
		meta.put("group", null);
		meta.put("collapse", "open");
		meta.put("preview_url", null);
		meta.put("versioning", false);
		if (collection.name().startsWith("directus_")) {
			meta.put("system", true);
		}
		Map<String, @Nullable Object> schema = new LinkedHashMap<>();
		schema.put("name", collection.name());
		schema.put("comment", null);
		Map<String, @Nullable Object> described = new LinkedHashMap<>();
		described.put("collection", collection.name());
		described.put("meta", meta);
		described.put("schema", schema);
		return described;
	}

}
