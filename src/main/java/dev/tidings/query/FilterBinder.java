package dev.tidings.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;

/**
 * Binds a parsed filter to a collection: every path is checked against the schema (an
 * unknown field is a 403, as in Directus), paths through one-to-many aliases become
 * {@link Filter.Some}, operators are checked against field types, dynamic variables are
 * substituted and values converted to each field's Java type. The SQL translator and the
 * {@link RowMatcher} only ever see bound filters.
 */
public final class FilterBinder {

	private FilterBinder() {
	}

	public static Filter bind(Filter raw, CollectionSchema root, SchemaRegistry schemas, Variables variables) {
		return raw.accept(new Binding(root, schemas, new OperandBinder(new DynamicVariables(variables))));
	}

	/**
	 * The {@code search} parameter as a bound filter: the text fields of the collection
	 * contain the term, ignoring case. Only text is searched, on every database alike
	 * (Directus also matches numbers and uuids, differently per database). With no text
	 * field it matches nothing, as Directus's {@code 1 = 0}.
	 */
	public static Filter search(String term, CollectionSchema collection) {
		List<Filter> candidates = new ArrayList<>();
		for (FieldSchema field : collection.fields().values()) {
			if (field.type().isText() && field.relation() == null && !field.concealed()) {
				candidates.add(new Filter.Condition(List.of(field.name()), FilterOperator.ICONTAINS, term));
			}
		}
		return new Filter.Or(candidates);
	}

	/** Binds paths, relative to one collection; relations bind with a new instance. */
	private record Binding(CollectionSchema collection, SchemaRegistry schemas,
			OperandBinder operands) implements Filter.Visitor<Filter> {

		@Override
		public Filter and(Filter.And and) {
			return new Filter.And(and.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public Filter or(Filter.Or or) {
			return new Filter.Or(or.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public Filter condition(Filter.Condition condition) {
			List<String> path = condition.path();
			CollectionSchema current = this.collection;
			for (int i = 0; i < path.size() - 1; i++) {
				FieldSchema field = current.requireField(path.get(i));
				if (field.isOneToMany()) {
					// A plain path through an alias means "some item matches".
					Filter rest = new Filter.Condition(path.subList(i + 1, path.size()), condition.operator(),
							condition.value());
					return new Filter.Some(path.subList(0, i + 1), rest.accept(related(field)));
				}
				current = manyToOne(current, field);
			}
			FieldSchema field = current.requireField(path.get(path.size() - 1));
			if (field.isOneToMany()) {
				throw TidingsException.invalidQuery("\"" + field.name()
						+ "\" is a one-to-many relation: filter its items with \"_some\" or \"_none\"");
			}
			return this.operands.bind(path, field, condition.operator(), condition.value());
		}

		@Override
		public Filter some(Filter.Some some) {
			return relational(some.relation(), some.filter(), true);
		}

		@Override
		public Filter none(Filter.None none) {
			return relational(none.relation(), none.filter(), false);
		}

		private Filter relational(List<String> relation, Filter inner, boolean some) {
			if (relation.isEmpty()) {
				throw TidingsException.invalidQuery("\"" + (some ? "_some" : "_none") + "\" needs a relational field");
			}
			CollectionSchema current = this.collection;
			for (int i = 0; i < relation.size() - 1; i++) {
				FieldSchema field = current.requireField(relation.get(i));
				if (field.isOneToMany()) {
					List<String> rest = relation.subList(i + 1, relation.size());
					Filter nested = some ? new Filter.Some(rest, inner) : new Filter.None(rest, inner);
					return new Filter.Some(relation.subList(0, i + 1), nested.accept(related(field)));
				}
				current = manyToOne(current, field);
			}
			FieldSchema alias = current.requireField(relation.get(relation.size() - 1));
			if (!alias.isOneToMany()) {
				throw TidingsException.invalidQuery("\"" + (some ? "_some" : "_none")
						+ "\" can only be used on a one-to-many relation, and \"" + alias.name() + "\" is not one");
			}
			Filter bound = inner.accept(related(alias));
			return some ? new Filter.Some(relation, bound) : new Filter.None(relation, bound);
		}

		private CollectionSchema manyToOne(CollectionSchema current, FieldSchema field) {
			if (!field.isManyToOne()) {
				throw TidingsException
					.invalidQuery("\"" + field.name() + "\" in \"" + current.name() + "\" is not a relational field");
			}
			return target(field);
		}

		private Binding related(FieldSchema field) {
			return new Binding(target(field), this.schemas, this.operands);
		}

		private CollectionSchema target(FieldSchema field) {
			return this.schemas.require(Objects.requireNonNull(field.relation()).relatedCollection());
		}

	}

}
