package dev.tidings.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.FunctionPath;
import dev.tidings.schema.SchemaRegistry;

/**
 * Binds a parsed filter to a collection: every path is checked against the schema (an
 * unknown field is a 403, as in Directus) and resolved to a {@link FieldPath}, paths
 * through to-many relations become {@link BoundFilter.Some}, operators are checked
 * against field types, dynamic variables are substituted and values converted to each
 * field's Java type. The SQL translator and the {@link RowMatcher} only ever see bound
 * filters.
 */
public final class FilterBinder {

	private FilterBinder() {
	}

	public static BoundFilter bind(Filter raw, CollectionSchema root, SchemaRegistry schemas, Variables variables) {
		return raw.accept(new Binding(root, schemas, new OperandBinder(new DynamicVariables(variables))));
	}

	/**
	 * The {@code search} parameter as a bound filter, as Directus builds it: text fields
	 * contain the term, ignoring case; number fields whose type holds it equal a numeric
	 * term ({@link SearchTerms#number}); uuid fields equal a uuid term. A many-to-one
	 * searches its key the same way. With no candidate field it matches nothing, as
	 * Directus's {@code 1 = 0}. Enums (compared by name, and stored as numbers when
	 * ordinal), large objects and concealed values are never searched.
	 */
	public static BoundFilter.Or search(String term, CollectionSchema collection, SchemaRegistry schemas) {
		BigDecimal number = SearchTerms.number(term);
		boolean uuid = SearchTerms.uuid(term);
		List<BoundFilter> candidates = new ArrayList<>();
		for (FieldSchema field : collection.fields().values()) {
			if (!field.isColumn() || field.concealed() || !field.codec().choices().isEmpty()
					|| field.codec().isLargeObject()) {
				continue;
			}
			CollectionSchema related = (field.relation() != null)
					? schemas.require(field.relation().relatedCollection()) : null;
			FieldPath path = new FieldPath(List.of(new FieldPath.Step(collection, field, related)));
			if (field.type().isText()) {
				candidates.add(new BoundFilter.Condition(path, FilterOperator.ICONTAINS, term));
			}
			else if (number != null && field.type().isNumeric()) {
				equal(candidates, path, number);
			}
			else if (uuid && field.type() == FieldType.UUID) {
				equal(candidates, path, term);
			}
		}
		return new BoundFilter.Or(candidates);
	}

	/** The field equals the term, unless the field's type cannot hold it. */
	private static void equal(List<BoundFilter> candidates, FieldPath path, Object term) {
		Object value;
		try {
			value = path.field().codec().fromJson(term);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			return;
		}
		if (value != null) {
			candidates.add(new BoundFilter.Condition(path, FilterOperator.EQ, value));
		}
	}

	/** Binds paths, relative to one collection; relations bind with a new instance. */
	private record Binding(CollectionSchema collection, SchemaRegistry schemas,
			OperandBinder operands) implements Filter.Visitor<BoundFilter> {

		@Override
		public BoundFilter and(Filter.And and) {
			return new BoundFilter.And(and.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public BoundFilter or(Filter.Or or) {
			return new BoundFilter.Or(or.filters().stream().map((filter) -> filter.accept(this)).toList());
		}

		@Override
		public BoundFilter condition(Filter.Condition condition) {
			FunctionPath target = FunctionPath.resolve(this.collection, condition.path(), this.schemas);
			FieldPath path = target.path();
			int toMany = path.firstToMany();
			if (toMany >= 0) {
				// A plain path through a to-many relation means "some item matches".
				Filter rest = new Filter.Condition(condition.path().subList(toMany + 1, path.size()),
						condition.operator(), condition.value());
				return new BoundFilter.Some(path.prefix(toMany + 1), rest.accept(related(path.steps().get(toMany))));
			}
			if (path.field().isToMany() && !target.countsRelation()) {
				throw TidingsException.invalidQuery("\"" + path.field().name()
						+ "\" is a to-many relation: filter its items with \"_some\" or \"_none\"");
			}
			return this.operands.bind(target, condition.operator(), condition.value());
		}

		@Override
		public BoundFilter some(Filter.Some some) {
			return relational(some.relation(), some.filter(), true);
		}

		@Override
		public BoundFilter none(Filter.None none) {
			return relational(none.relation(), none.filter(), false);
		}

		private BoundFilter relational(List<String> relation, Filter inner, boolean some) {
			if (relation.isEmpty()) {
				throw TidingsException.invalidQuery("\"" + (some ? "_some" : "_none") + "\" needs a relational field");
			}
			FieldPath path = FieldPath.resolve(this.collection, relation, this.schemas);
			int toMany = path.firstToMany();
			if (toMany >= 0) {
				List<String> rest = relation.subList(toMany + 1, relation.size());
				Filter nested = some ? new Filter.Some(rest, inner) : new Filter.None(rest, inner);
				return new BoundFilter.Some(path.prefix(toMany + 1), nested.accept(related(path.steps().get(toMany))));
			}
			if (!path.field().isToMany()) {
				throw TidingsException.invalidQuery("\"" + (some ? "_some" : "_none")
						+ "\" can only be used on a to-many relation, and \"" + path.field().name() + "\" is not one");
			}
			BoundFilter bound = inner.accept(related(path.last()));
			return some ? new BoundFilter.Some(path, bound) : new BoundFilter.None(path, bound);
		}

		private Binding related(FieldPath.Step step) {
			return new Binding(step.target(), this.schemas, this.operands);
		}

	}

}
