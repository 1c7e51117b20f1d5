package dev.tidings.query;

import java.util.ArrayList;
import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;

/**
 * Binds a parsed filter to a collection: every path is checked against the schema (an
 * unknown field is a 403, as in Directus), paths through to-many relations become
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
			FieldPath path = FieldPath.resolve(this.collection, condition.path(), this.schemas);
			int toMany = path.firstToMany();
			if (toMany >= 0) {
				// A plain path through a to-many relation means "some item matches".
				Filter rest = new Filter.Condition(condition.path().subList(toMany + 1, path.size()),
						condition.operator(), condition.value());
				return new Filter.Some(condition.path().subList(0, toMany + 1),
						rest.accept(related(path.steps().get(toMany))));
			}
			FieldSchema field = path.field();
			if (field.isToMany()) {
				throw TidingsException.invalidQuery(
						"\"" + field.name() + "\" is a to-many relation: filter its items with \"_some\" or \"_none\"");
			}
			return this.operands.bind(condition.path(), field, condition.operator(), condition.value());
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
			FieldPath path = FieldPath.resolve(this.collection, relation, this.schemas);
			int toMany = path.firstToMany();
			if (toMany >= 0) {
				List<String> rest = relation.subList(toMany + 1, relation.size());
				Filter nested = some ? new Filter.Some(rest, inner) : new Filter.None(rest, inner);
				return new Filter.Some(relation.subList(0, toMany + 1),
						nested.accept(related(path.steps().get(toMany))));
			}
			if (!path.field().isToMany()) {
				throw TidingsException.invalidQuery("\"" + (some ? "_some" : "_none")
						+ "\" can only be used on a to-many relation, and \"" + path.field().name() + "\" is not one");
			}
			Filter bound = inner.accept(related(path.last()));
			return some ? new Filter.Some(relation, bound) : new Filter.None(relation, bound);
		}

		private Binding related(FieldPath.Step step) {
			return new Binding(step.target(), this.schemas, this.operands);
		}

	}

}
