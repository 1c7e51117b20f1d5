package dev.tidings.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldPath;
import org.jspecify.annotations.Nullable;

/**
 * A filter bound to a collection by the {@link FilterBinder}: every path resolved to a
 * {@link FieldPath} (so each leaf knows its field and type), values of each field's Java
 * type, dynamic variables substituted. Both evaluators (SQL and in memory) take only this
 * type, so an unchecked path or a raw value cannot reach them. Paths are relative to the
 * collection the filter is bound to; the inner filter of {@link Some} and {@link None} is
 * relative to the collection the relation leads to.
 */
public sealed interface BoundFilter {

	/** Matches no row: what a condition becomes when a variable in it has no value. */
	BoundFilter NOTHING = new Or(List.of());

	/** Matches every row: what a count of related items starts from before read rules. */
	BoundFilter EVERYTHING = new And(List.of());

	<R> R accept(Visitor<R> visitor);

	/** All of the filters hold; an empty list holds for every row. */
	record And(List<BoundFilter> filters) implements BoundFilter {

		public And {
			filters = List.copyOf(filters);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.and(this);
		}

	}

	/** At least one of the filters holds; an empty list holds for no row. */
	record Or(List<BoundFilter> filters) implements BoundFilter {

		public Or {
			filters = List.copyOf(filters);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.or(this);
		}

	}

	/**
	 * A field, or a date part or count of it, compared with a value of its Java type (a
	 * list of them for the list operators; {@code true} for the flags). The path runs
	 * through to-one relations only and ends on a field with one value per row, or on a
	 * list of values that {@code count} measures.
	 *
	 * @param function applied to the field's value before comparing, or null
	 */
	record Condition(FieldPath path, FilterOperator operator, @Nullable Object value,
			@Nullable FieldFunction function) implements BoundFilter {

		public Condition {
			if (path.firstToMany() >= 0 || path.field().isToMany()) {
				throw new IllegalArgumentException("A condition compares one value per row, not " + path);
			}
			if (path.field().isValueList() != (function == FieldFunction.COUNT)) {
				throw new IllegalArgumentException("Only count() compares a list of values: " + path);
			}
			if (value instanceof List<?> list) {
				value = Collections.unmodifiableList(new ArrayList<>(list));
			}
		}

		/** A condition on the field's own value. */
		public Condition(FieldPath path, FilterOperator operator, @Nullable Object value) {
			this(path, operator, value, null);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.condition(this);
		}

	}

	/**
	 * The number of items of a to-many relation that match the inner filter, compared
	 * with a value as a {@link Condition} compares: {@code count(comments)}. The inner
	 * filter is relative to the related collection; it holds the caller's read rules
	 * there, so only items the caller may read are counted.
	 */
	record Count(FieldPath relation, BoundFilter items, FilterOperator operator,
			@Nullable Object value) implements BoundFilter {

		public Count {
			requireToMany(relation);
			if (value instanceof List<?> list) {
				value = Collections.unmodifiableList(new ArrayList<>(list));
			}
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.count(this);
		}

	}

	/**
	 * At least one item of a to-many relation matches. The path runs through to-one
	 * relations to the to-many field.
	 */
	record Some(FieldPath relation, BoundFilter filter) implements BoundFilter {

		public Some {
			requireToMany(relation);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.some(this);
		}

	}

	/** No item of a to-many relation matches; as {@link Some} otherwise. */
	record None(FieldPath relation, BoundFilter filter) implements BoundFilter {

		public None {
			requireToMany(relation);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.none(this);
		}

	}

	private static void requireToMany(FieldPath relation) {
		if (relation.firstToMany() >= 0 || !relation.field().isToMany()) {
			throw new IllegalArgumentException("Not a path through to-one relations to a to-many one: " + relation);
		}
	}

	/** One method per node type, so each consumer of the tree handles every case. */
	interface Visitor<R> {

		R and(And and);

		R or(Or or);

		R condition(Condition condition);

		R some(Some some);

		R none(None none);

		R count(Count count);

	}

}
