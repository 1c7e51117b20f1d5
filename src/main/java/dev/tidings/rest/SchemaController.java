package dev.tidings.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /collections}, {@code /fields} and {@code /relations}: the schema the JPA
 * entities define, read only, each caller seeing the collections, fields and relations it
 * may read. Writes are refused with {@code METHOD_NOT_ALLOWED}: the schema changes with
 * the entities, not through the API.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}")
public class SchemaController {

	private final SchemaRegistry schemas;

	private final AccessPolicy access;

	private final JsonCodec json;

	private final List<RelationRows.Row> relations;

	public SchemaController(SchemaRegistry schemas, AccessPolicy access, JsonCodec json) {
		this.schemas = schemas;
		this.access = access;
		this.json = json;
		this.relations = RelationRows.of(schemas);
	}

	@GetMapping("/collections")
	public ResponseEntity<byte[]> collections(Accountability who) {
		return this.json.ok(visibility(who).collections().stream().map(CollectionDescriptions::of).toList());
	}

	@GetMapping("/collections/{collection}")
	public ResponseEntity<byte[]> collection(Accountability who, @PathVariable String collection) {
		return this.json.ok(CollectionDescriptions.of(visibility(who).require(collection)));
	}

	@GetMapping("/fields")
	public ResponseEntity<byte[]> fields(Accountability who) {
		SchemaVisibility visibility = visibility(who);
		List<Map<String, @Nullable Object>> fields = new ArrayList<>();
		for (CollectionSchema collection : visibility.collections()) {
			fields.addAll(FieldDescriptions.of(collection, visibility.fields(collection), this.schemas));
		}
		return this.json.ok(fields);
	}

	@GetMapping("/fields/{collection}")
	public ResponseEntity<byte[]> fields(Accountability who, @PathVariable String collection) {
		SchemaVisibility visibility = visibility(who);
		CollectionSchema schema = visibility.require(collection);
		return this.json.ok(FieldDescriptions.of(schema, visibility.fields(schema), this.schemas));
	}

	@GetMapping("/fields/{collection}/{field}")
	public ResponseEntity<byte[]> field(Accountability who, @PathVariable String collection,
			@PathVariable String field) {
		SchemaVisibility visibility = visibility(who);
		CollectionSchema schema = visibility.require(collection);
		return this.json
			.ok(FieldDescriptions.of(schema, List.of(visibility.require(collection, field)), this.schemas).get(0));
	}

	@GetMapping("/relations")
	public ResponseEntity<byte[]> relations(Accountability who) {
		return this.json.ok(describe(visibility(who), null, null));
	}

	@GetMapping("/relations/{collection}")
	public ResponseEntity<byte[]> relations(Accountability who, @PathVariable String collection) {
		SchemaVisibility visibility = visibility(who);
		visibility.require(collection);
		return this.json.ok(describe(visibility, collection, null));
	}

	@GetMapping("/relations/{collection}/{field}")
	public ResponseEntity<byte[]> relation(Accountability who, @PathVariable String collection,
			@PathVariable String field) {
		SchemaVisibility visibility = visibility(who);
		visibility.require(collection, field);
		List<Map<String, @Nullable Object>> found = describe(visibility, collection, field);
		if (found.isEmpty()) {
			throw TidingsException.forbidden();
		}
		return this.json.ok(found.get(0));
	}

	@RequestMapping(
			path = { "/collections", "/collections/{collection}", "/fields/{collection}",
					"/fields/{collection}/{field}", "/relations", "/relations/{collection}",
					"/relations/{collection}/{field}" },
			method = { RequestMethod.POST, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.PUT })
	public ResponseEntity<byte[]> write(HttpServletRequest request) {
		throw new TidingsException(new TidingsError(ErrorCode.METHOD_NOT_ALLOWED,
				"The schema is read only: it is defined by the application's entities.",
				Map.of("path", request.getRequestURI())));
	}

	private List<Map<String, @Nullable Object>> describe(SchemaVisibility visibility, @Nullable String collection,
			@Nullable String field) {
		return this.relations.stream()
			.filter((row) -> collection == null || row.collection().equals(collection))
			.filter((row) -> field == null || Objects.equals(row.field(), field))
			.filter((row) -> RelationRows.visible(row, visibility))
			.map((row) -> RelationRows.describe(row, visibility, this.schemas))
			.toList();
	}

	private SchemaVisibility visibility(Accountability who) {
		return new SchemaVisibility(this.schemas, this.access, who);
	}

}
