package dev.tidings.query;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldPath;

/**
 * Evaluates a bound filter against one row in memory, with exactly the answers of the SQL
 * translation, so that a realtime push reaches exactly the subscribers whose query would
 * return the row.
 * <p>
 * A row is a map from API field names to values of each field's Java type. A to-one
 * relation holds the related key or the related row (a nested map); a to-many relation
 * holds the list of related rows. The evaluation follows the steps of each
 * {@link FieldPath}; a filter that reaches into a relation the row does not carry fails
 * with {@link IllegalStateException} rather than guess.
 * <p>
 * Relations follow {@code EXISTS} semantics: a null to-one makes a compared value null,
 * and a {@code _none} through a null to-one holds (there are no items), while a
 * {@code _some} through it does not.
 */
public final class RowMatcher {

	/** Whether the row, of the collection the filter is bound to, matches it. */
	public boolean matches(BoundFilter bound, CollectionSchema collection, Map<String, ?> row) {
		return bound.accept(new Evaluation(collection, row));
	}

	/**
	 * Whether evaluating the filter needs more than the row's own columns: related rows
	 * (a path through a relation, {@code _some}/{@code _none}) or an alias the row does
	 * not carry (the inverse side of a one-to-one), so a caller can load them only when
	 * needed.
	 */
	public static boolean needsRelations(BoundFilter bound) {
		return bound.accept(new BoundFilter.Visitor<Boolean>() {

			@Override
			public Boolean and(BoundFilter.And and) {
				return and.filters().stream().anyMatch((filter) -> filter.accept(this));
			}

			@Override
			public Boolean or(BoundFilter.Or or) {
				return or.filters().stream().anyMatch((filter) -> filter.accept(this));
			}

			@Override
			public Boolean condition(BoundFilter.Condition condition) {
				return condition.path().size() > 1 || !condition.path().field().isColumn();
			}

			@Override
			public Boolean some(BoundFilter.Some some) {
				return true;
			}

			@Override
			public Boolean count(BoundFilter.Count count) {
				return true;
			}

			@Override
			public Boolean none(BoundFilter.None none) {
				return true;
			}

		});
	}

	/** One row of one collection; child rows get their own evaluation. */
	private record Evaluation(CollectionSchema collection, Map<?, ?> row) implements BoundFilter.Visitor<Boolean> {

		@Override
		public Boolean and(BoundFilter.And and) {
			return and.filters().stream().allMatch((filter) -> filter.accept(this));
		}

		@Override
		public Boolean or(BoundFilter.Or or) {
			return or.filters().stream().anyMatch((filter) -> filter.accept(this));
		}

		@Override
		public Boolean condition(BoundFilter.Condition condition) {
			Object value = value(condition.path());
			FieldFunction function = condition.function();
			if (function == FieldFunction.COUNT) {
				// SQL counts the rows of the list's table: none when it has none
				value = (value != null) ? function.apply(value) : Integer.valueOf(0);
			}
			else if (function != null) {
				value = function.apply(value);
			}
			return ValueMatcher.matches(condition.operator(), value, condition.value());
		}

		@Override
		public Boolean count(BoundFilter.Count count) {
			long matching = items(count.relation()).stream().filter((item) -> count.items().accept(item)).count();
			return ValueMatcher.matches(count.operator(), (int) matching, count.value());
		}

		@Override
		public Boolean some(BoundFilter.Some some) {
			return items(some.relation()).stream().anyMatch((item) -> some.filter().accept(item));
		}

		@Override
		public Boolean none(BoundFilter.None none) {
			return items(none.relation()).stream().noneMatch((item) -> none.filter().accept(item));
		}

		/** The compared value; null when a to-one on the way is null. */
		private @Nullable Object value(FieldPath path) {
			Map<?, ?> owner = follow(path);
			if (owner == null) {
				return null;
			}
			FieldPath.Step last = path.last();
			Object value = get(owner, last);
			if (last.field().isToOne() && value instanceof Map<?, ?> related) {
				// A loaded relation compared directly: compare its key.
				return related.get(last.target().primaryKey());
			}
			return value;
		}

		/** The child rows at the end of a relation path, none if a step is null. */
		private List<Evaluation> items(FieldPath relation) {
			Map<?, ?> owner = follow(relation);
			if (owner == null) {
				return List.of();
			}
			FieldPath.Step last = relation.last();
			Object value = get(owner, last);
			if (value == null) {
				return List.of();
			}
			if (!(value instanceof List<?> children)) {
				throw notLoaded(last);
			}
			return children.stream().map((child) -> {
				if (!(child instanceof Map<?, ?> childRow)) {
					throw notLoaded(last);
				}
				return new Evaluation(last.target(), childRow);
			}).toList();
		}

		/**
		 * The row holding the field the path ends on, after the to-one steps before it;
		 * null when one of them is null.
		 */
		private @Nullable Map<?, ?> follow(FieldPath path) {
			if (!path.root().name().equals(this.collection.name())) {
				throw new IllegalStateException(
						"The path " + path + " starts from " + path.root().name() + ", not " + this.collection.name());
			}
			Map<?, ?> current = this.row;
			for (FieldPath.Step step : path.steps().subList(0, path.size() - 1)) {
				Object value = get(current, step);
				if (value == null) {
					return null;
				}
				if (!(value instanceof Map<?, ?> related)) {
					throw notLoaded(step);
				}
				current = related;
			}
			return current;
		}

		/** A value the row must carry: an absent key is a row loaded without it. */
		private static @Nullable Object get(Map<?, ?> row, FieldPath.Step step) {
			if (!row.containsKey(step.field().name())) {
				throw new IllegalStateException(((step.field().relation() != null) ? "relation " : "field ")
						+ step.field().name() + " of " + step.collection().name() + " not loaded");
			}
			return row.get(step.field().name());
		}

		private static IllegalStateException notLoaded(FieldPath.Step step) {
			return new IllegalStateException("relation " + step.field().name() + " not loaded");
		}

	}

}
