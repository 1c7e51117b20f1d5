package dev.tidings.rest;

import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.AccessPolicy;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import dev.tidings.security.Grant;

/**
 * Which parts of the schema one caller sees: the collections it may read, and in them the
 * fields some read grant lists; admins see everything. The rows a grant's rule reaches do
 * not matter here, only whether the caller may read the field at all. Anything else is
 * the 403 of a collection or field that does not exist.
 */
final class SchemaVisibility {

	private final SchemaRegistry schemas;

	private final Accountability who;

	private final Map<String, Map<Action, List<Grant>>> grants;

	SchemaVisibility(SchemaRegistry schemas, AccessPolicy access, Accountability who) {
		this.schemas = schemas;
		this.who = who;
		this.grants = who.admin() ? Map.of() : access.grants(who);
	}

	List<CollectionSchema> collections() {
		return this.schemas.collections().stream().filter((collection) -> sees(collection.name())).toList();
	}

	boolean sees(String collection) {
		return this.who.admin() || !reads(collection).isEmpty();
	}

	boolean sees(String collection, String field) {
		return sees(collection)
				&& (this.who.admin() || reads(collection).stream().anyMatch((grant) -> grant.allowsField(field)));
	}

	CollectionSchema require(String collection) {
		return this.schemas.find(collection)
			.filter((schema) -> sees(schema.name()))
			.orElseThrow(() -> TidingsException.forbiddenCollection(collection));
	}

	FieldSchema require(String collection, String field) {
		CollectionSchema schema = require(collection);
		return schema.field(field)
			.filter((found) -> sees(collection, found.name()))
			.orElseThrow(() -> TidingsException.forbiddenField(field, collection));
	}

	List<FieldSchema> fields(CollectionSchema collection) {
		return collection.fields().values().stream().filter((field) -> sees(collection.name(), field.name())).toList();
	}

	private List<Grant> reads(String collection) {
		return this.grants.getOrDefault(collection, Map.of()).getOrDefault(Action.READ, List.of());
	}

}
