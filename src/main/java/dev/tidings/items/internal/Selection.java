package dev.tidings.items.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.tidings.errors.TidingsException;
import dev.tidings.query.DeepQuery;
import dev.tidings.query.Query;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Action;
import org.jspecify.annotations.Nullable;

/**
 * The fields a read returns, as a tree: each key of a rendered item with the field it
 * shows, and for relational fields that are expanded, the selection inside the related
 * collection.
 *
 * @param collection the collection this level selects from
 * @param fields the rendered keys, in order, each with what it shows
 */
public record Selection(CollectionSchema collection, Map<String, Selected> fields) {

	/** Binds the {@code deep} query of a relation to the caller. */
	interface Binder {

		/**
		 * How the related items of a relation are chosen, or null when a to-one relation
		 * keeps its item as it is.
		 */
		@Nullable NestedQuery bind(CollectionSchema related, DeepQuery deep, boolean toMany);

	}

	/**
	 * Builds the selection for the query's {@code fields} paths ({@code *}, {@code *.*},
	 * {@code author.*}, {@code comments.body}, {@code year(published_at)}, alias keys);
	 * an empty list means {@code *}. Wildcards expand to the fields the caller may read,
	 * and include alias keys. An unknown field, or one named explicitly that the caller
	 * may not read, is a 403, and so is a path into a collection the caller may not read;
	 * a wildcard relation into such a collection stays an unexpanded key instead. A
	 * dotted path into a plain field is dropped, as Directus does.
	 */
	static Selection of(Query query, CollectionSchema collection, SchemaRegistry schemas, CallerPermissions permissions,
			Binder binder) {
		DeepQuery root = new DeepQuery(null, List.of(), null, null, null, null, query.alias(), query.deep());
		Builder builder = new Builder(schemas, permissions, binder, query.backlink());
		Level level = builder.level(new Selection(collection, new LinkedHashMap<>()), root, null);
		for (String path : query.fields().isEmpty() ? List.of("*") : query.fields()) {
			builder.add(level, Arrays.asList(path.trim().split("\\.")), false);
		}
		return level.selection();
	}

	/**
	 * One level while it is built: its keys, its deep query and the field leading back to
	 * the parent it was reached from.
	 */
	private record Level(Selection selection, DeepQuery deep, @Nullable String backlink) {

	}

	private record Builder(SchemaRegistry schemas, CallerPermissions permissions, Binder binder,
			boolean followBacklinks) {

		/** A level, once its deep query names only relations of its collection. */
		Level level(Selection selection, DeepQuery deep, @Nullable String backlink) {
			CollectionSchema collection = selection.collection();
			for (String key : deep.nested().keySet()) {
				if (deep.alias().containsKey(key)) {
					continue;
				}
				FieldSchema field = collection.requireField(key);
				if (field.relation() == null) {
					throw TidingsException.invalidQuery(
							"\"deep\" names \"" + key + "\" of \"" + collection.name() + "\", not a relation");
				}
			}
			return new Level(selection, deep, backlink);
		}

		void add(Level level, List<String> path, boolean wildcard) {
			CollectionSchema collection = level.selection().collection();
			CollectionGrants grants = this.permissions.require(collection, Action.READ);
			String head = path.get(0);
			List<String> rest = path.subList(1, path.size());
			if (head.equals("*")) {
				for (FieldSchema field : collection.fields().values()) {
					if (grants.allows(field.name())) {
						addWildcard(level, field.name(), field, rest);
					}
				}
				level.deep().alias().forEach((key, source) -> {
					Optional<FieldFunction.Call> call = FieldFunction.parse(source);
					FieldSchema field = collection.fields().get(call.map(FieldFunction.Call::argument).orElse(source));
					if (field != null && grants.allows(field.name())) {
						if (call.isPresent()) {
							putFunction(level, key, call.get(), grants);
						}
						else {
							addWildcard(level, key, field, rest);
						}
					}
				});
				return;
			}
			String source = level.deep().alias().getOrDefault(head, head);
			Optional<FieldFunction.Call> call = FieldFunction.parse(source);
			if (call.isPresent()) {
				String key = head.equals(source) ? call.get().resultKey() : head;
				putFunction(level, key, call.get(), grants);
				return;
			}
			FieldSchema field = collection.requireField(source);
			if (!grants.allows(source)) {
				throw TidingsException.forbiddenField(source, collection.name());
			}
			if (rest.isEmpty() || (wildcard && field.relation() != null && !readable(field))) {
				putLeaf(level, head, field);
			}
			else if (field.relation() != null) {
				expand(level, head, field, rest, wildcard);
			}
		}

		private void addWildcard(Level level, String key, FieldSchema field, List<String> rest) {
			boolean backlink = !this.followBacklinks && field.name().equals(level.backlink());
			if (field.relation() != null && !rest.isEmpty() && readable(field) && !backlink) {
				expand(level, key, field, rest, true);
			}
			else if (!level.selection().fields().containsKey(key)) {
				// *.* is every field, with the relational ones expanded (as Directus)
				putLeaf(level, key, field);
			}
		}

		private void putLeaf(Level level, String key, FieldSchema field) {
			NestedQuery related = (field.relation() != null) ? bind(level, key, field) : null;
			level.selection().fields().putIfAbsent(key, new Selected(field, null, null, related));
		}

		private void putFunction(Level level, String key, FieldFunction.Call call, CollectionGrants grants) {
			CollectionSchema collection = level.selection().collection();
			FieldSchema field = collection.requireField(call.argument());
			if (!grants.allows(field.name()) || field.concealed()) {
				throw TidingsException.forbiddenField(field.name(), collection.name());
			}
			call.function().requireAppliesTo(field, collection);
			NestedQuery related = null;
			if (field.isToMany()) {
				// a count counts what the caller may read, never the items it may not
				NestedQuery readable = Objects.requireNonNull(bindRelated(field, DeepQuery.NONE, true));
				related = new NestedQuery(readable.filter(), List.of(), -1, null, null);
			}
			level.selection().fields().put(key, new Selected(field, call.function(), null, related));
		}

		private boolean readable(FieldSchema relation) {
			return this.permissions.find(related(relation), Action.READ) != null;
		}

		private CollectionSchema related(FieldSchema relation) {
			return this.schemas.require(relation.relation().relatedCollection());
		}

		private void expand(Level level, String key, FieldSchema field, List<String> rest, boolean wildcard) {
			CollectionSchema related = related(field);
			Selected selected = level.selection().fields().get(key);
			if (selected == null || selected.nested() == null) {
				selected = new Selected(field, null, new Selection(related, new LinkedHashMap<>()),
						bind(level, key, field));
				level.selection().fields().put(key, selected);
			}
			add(level(selected.nested(), level.deep().of(key), backlink(field, level.selection().collection())), rest,
					wildcard);
		}

		private @Nullable NestedQuery bind(Level level, String key, FieldSchema field) {
			return bindRelated(field, level.deep().of(key), field.isToMany());
		}

		private @Nullable NestedQuery bindRelated(FieldSchema field, DeepQuery deep, boolean toMany) {
			return this.binder.bind(related(field), deep, toMany);
		}

		/**
		 * The field of the related collection that leads back along the same relation.
		 */
		private @Nullable String backlink(FieldSchema field, CollectionSchema parent) {
			if (field.relation().mappedBy() != null) {
				return field.relation().mappedBy();
			}
			return related(field).fields()
				.values()
				.stream()
				.filter((candidate) -> candidate.relation() != null
						&& candidate.relation().relatedCollection().equals(parent.name())
						&& field.name().equals(candidate.relation().mappedBy()))
				.map(FieldSchema::name)
				.findFirst()
				.orElse(null);
		}

	}

}
