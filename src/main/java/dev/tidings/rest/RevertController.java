package dev.tidings.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.query.Query;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /utils/revert/{revision}}: writes a revision's row back to its item as an
 * update, with the caller's permissions on both (a revision the caller cannot read, or
 * that does not exist, is {@code FORBIDDEN}, as in Directus), so the revert is itself
 * recorded as activity and a revision. The key and concealed fields (a password, which a
 * revision only holds masked) are not written back.
 */
@RestController
public class RevertController {

	private final ItemsService items;

	private final SchemaRegistry schemas;

	private final Query revisionFields;

	public RevertController(ItemsService items, SchemaRegistry schemas, JsonCodec json) {
		this.items = items;
		this.schemas = schemas;
		this.revisionFields = json.queries().fromJson(Map.of("fields", List.of("collection", "item", "data")));
	}

	@PostMapping("${tidings.rest.base-path:}/utils/revert/{revision}")
	public ResponseEntity<Void> revert(Accountability who, @PathVariable String revision) {
		Map<String, @Nullable Object> row = this.items.readOne(who, "directus_revisions", revision,
				this.revisionFields);
		if (!(row.get("data") instanceof Map<?, ?> data) || !(row.get("collection") instanceof String collection)
				|| !(row.get("item") instanceof String item)) {
			throw TidingsException.invalidPayload("Revision doesn't contain data to revert to");
		}
		CollectionSchema schema = this.schemas.require(collection);
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		data.forEach((field, value) -> {
			FieldSchema known = schema.field((String) field).orElse(null);
			if (known == null || !(known.primaryKey() || known.concealed())) {
				values.put((String) field, value);
			}
		});
		this.items.update(who, collection, List.of(item), values);
		return ResponseEntity.noContent().build();
	}

}
