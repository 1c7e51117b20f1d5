package dev.tidings.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.Relation;
import dev.tidings.schema.SchemaRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The relations of the schema as Directus lists them: one row per link, named from the
 * side that holds the key. A many-to-one (or owning one-to-one) is its own row, which
 * also names the one-to-many alias mapped by it on the other side ({@code one_field}). An
 * inverse one-to-one is a row of its own, as the to-one alias it is. A to-many alias that
 * no column on the other side maps (a many-to-many, a one-to-many over a join table or
 * join column) is a row whose {@code collection} is the collection it lists and whose
 * {@code field} is the alias there leading back, or null: no junction collection is
 * invented, so every collection a row names exists.
 */
final class RelationRows {

	private RelationRows() {
	}

	/**
	 * @param collection the collection holding the key (the "many" side)
	 * @param field its field, or null when no field of it leads back
	 * @param relatedCollection the collection the key points to
	 * @param column the field when it is a column holding the related key
	 * @param oneField the alias on the related collection listing this side, or null
	 */
	record Row(String collection, @Nullable String field, String relatedCollection, @Nullable FieldSchema column,
			@Nullable String oneField) {

	}

	static List<Row> of(SchemaRegistry schemas) {
		List<Row> rows = new ArrayList<>();
		for (CollectionSchema collection : schemas.collections()) {
			for (FieldSchema field : collection.fields().values()) {
				Relation relation = field.relation();
				if (relation == null) {
					continue;
				}
				CollectionSchema related = schemas.require(relation.relatedCollection());
				if (field.holdsRelatedKey()) {
					String alias = mappedToMany(related, collection.name(), field.name());
					rows.add(new Row(collection.name(), field.name(), related.name(), field, alias));
				}
				else if (!relation.toMany()) {
					rows.add(new Row(collection.name(), field.name(), related.name(), null, null));
				}
				else if (!mapsColumn(related, relation)) {
					rows.add(new Row(related.name(), leadingBack(related, collection.name(), field), collection.name(),
							null, field.name()));
				}
			}
		}
		return rows;
	}

	/** The one-to-many alias of the related collection mapped by this column, if any. */
	private static @Nullable String mappedToMany(CollectionSchema related, String collection, String column) {
		return related.fields()
			.values()
			.stream()
			.filter((alias) -> alias.isToMany() && collection.equals(alias.relation().relatedCollection())
					&& column.equals(alias.relation().mappedBy()))
			.map(FieldSchema::name)
			.findFirst()
			.orElse(null);
	}

	private static boolean mapsColumn(CollectionSchema related, Relation relation) {
		return relation.mappedBy() != null
				&& related.field(relation.mappedBy()).map(FieldSchema::holdsRelatedKey).orElse(false);
	}

	/** The to-many alias of the related collection forming a pair with this one. */
	private static @Nullable String leadingBack(CollectionSchema related, String collection, FieldSchema alias) {
		Optional<FieldSchema> back = related.fields()
			.values()
			.stream()
			.filter((other) -> other.isToMany() && collection.equals(other.relation().relatedCollection())
					&& (alias.name().equals(other.relation().mappedBy())
							|| other.name().equals(alias.relation().mappedBy())))
			.findFirst();
		return back.map(FieldSchema::name).orElse(null);
	}

	/**
	 * The row as the caller may see it: a one-to-many alias it may not read is left out.
	 */
	static Map<String, @Nullable Object> describe(Row row, SchemaVisibility visibility, SchemaRegistry schemas) {
		Map<String, @Nullable Object> schema = null;
		if (row.column() != null) {
			schema = new LinkedHashMap<>();
			schema.put("table", row.collection());
			schema.put("column", row.field());
			schema.put("foreign_key_table", row.relatedCollection());
			schema.put("foreign_key_column", schemas.require(row.relatedCollection()).primaryKey());
			schema.put("constraint_name", null);
			schema.put("on_update", "NO ACTION");
			schema.put("on_delete", "NO ACTION");
		}
		String oneField = (row.oneField() != null && visibility.sees(row.relatedCollection(), row.oneField()))
				? row.oneField() : null;
		Map<String, @Nullable Object> meta = new LinkedHashMap<>();
		meta.put("id", null);
		meta.put("many_collection", row.collection());
		meta.put("many_field", row.field());
		meta.put("one_collection", row.relatedCollection());
		meta.put("one_field", oneField);
		meta.put("one_collection_field", null);
		meta.put("one_allowed_collections", null);
		meta.put("junction_field", null);
		meta.put("sort_field", null);
		meta.put("one_deselect_action", deselectAction(row, schemas));
		Map<String, @Nullable Object> described = new LinkedHashMap<>();
		described.put("collection", row.collection());
		described.put("field", row.field());
		described.put("related_collection", row.relatedCollection());
		described.put("schema", schema);
		described.put("meta", meta);
		return described;
	}

	/**
	 * What a replacing write does to a one-to-many member it drops, as nested writes do
	 * it: deleted when its key column may not be null or the relation removes orphans.
	 */
	private static String deselectAction(Row row, SchemaRegistry schemas) {
		if (row.column() == null || row.oneField() == null) {
			return "nullify";
		}
		FieldSchema alias = schemas.require(row.relatedCollection()).fields().get(row.oneField());
		boolean orphans = alias != null && alias.relation() != null && alias.relation().orphanRemoval();
		return (!row.column().nullable() || orphans) ? "delete" : "nullify";
	}

	/** Whether the caller may read both ends of the row's link. */
	static boolean visible(Row row, SchemaVisibility visibility) {
		return visibility.sees(row.collection())
				&& (row.field() == null || visibility.sees(row.collection(), row.field()))
				&& visibility.sees(row.relatedCollection());
	}

}
