package dev.tidings.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Directus filter as parsed: a tree of field names and raw values (strings, numbers,
 * booleans, lists, dynamic variables), not yet checked against any schema. Permission
 * rules and validations are kept in this form; the {@link FilterBinder} turns it into a
 * {@link BoundFilter}, the only form the evaluators take.
 */
public sealed interface Filter {

	<R> R accept(Visitor<R> visitor);

	/** All of the filters hold; an empty list holds for every row. */
	record And(List<Filter> filters) implements Filter {

		public And {
			filters = List.copyOf(filters);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.and(this);
		}

	}

	/** At least one of the filters holds; an empty list holds for no row. */
	record Or(List<Filter> filters) implements Filter {

		public Or {
			filters = List.copyOf(filters);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.or(this);
		}

	}

	/**
	 * A field compared with a value. The path runs through to-one relations to the
	 * compared field ({@code author.email}); a path through a to-many relation is
	 * expressed with {@link Some}.
	 */
	record Condition(List<String> path, FilterOperator operator, @Nullable Object value) implements Filter {

		public Condition {
			path = List.copyOf(path);
			if (path.isEmpty()) {
				throw new IllegalArgumentException("A condition needs a field");
			}
			if (value instanceof List<?> list) {
				value = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
			}
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.condition(this);
		}

	}

	/**
	 * At least one item of a to-many relation matches (the {@code _some} operator, also
	 * what a plain nested filter on a to-many relation means). The path runs through
	 * to-one relations to it; the inner filter is relative to the related collection.
	 */
	record Some(List<String> relation, Filter filter) implements Filter {

		public Some {
			relation = List.copyOf(relation);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.some(this);
		}

	}

	/** No item of a to-many relation matches (the {@code _none} operator). */
	record None(List<String> relation, Filter filter) implements Filter {

		public None {
			relation = List.copyOf(relation);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.none(this);
		}

	}

	/** One method per node type, so each consumer of the tree handles every case. */
	interface Visitor<R> {

		R and(And and);

		R or(Or or);

		R condition(Condition condition);

		R some(Some some);

		R none(None none);

	}

}
