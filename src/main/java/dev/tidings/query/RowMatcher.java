package dev.tidings.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;

/**
 * Evaluates a bound filter against one row in memory, with exactly the answers of the SQL
 * translation, so that a realtime push reaches exactly the subscribers whose query would
 * return the row.
 * <p>
 * A row is a map from API field names to values of each field's Java type. A to-one
 * relation holds the related key or the related row (a nested map); a to-many relation
 * holds the list of related rows. A filter that reaches into a relation the row does not
 * carry fails with {@link IllegalStateException} rather than guess.
 * <p>
 * Relations follow {@code EXISTS} semantics: a null to-one makes a compared value null,
 * and a {@code _none} through a null to-one holds (there are no items), while a
 * {@code _some} through it does not.
 */
public final class RowMatcher {

	private final SchemaRegistry schemas;

	public RowMatcher(SchemaRegistry schemas) {
		this.schemas = schemas;
	}

	public boolean matches(Filter bound, CollectionSchema collection, Map<String, ?> row) {
		return bound.accept(new Evaluation(collection, row));
	}

	/**
	 * Whether evaluating the filter needs more than the row's own columns: related rows
	 * (a path through a relation, {@code _some}/{@code _none}) or an alias the row does
	 * not carry (the inverse side of a one-to-one), so a caller can load them only when
	 * needed.
	 */
	public static boolean needsRelations(Filter bound, CollectionSchema collection) {
		return bound.accept(new Filter.Visitor<Boolean>() {

			@Override
			public Boolean and(Filter.And and) {
				return and.filters().stream().anyMatch((filter) -> filter.accept(this));
			}

			@Override
			public Boolean or(Filter.Or or) {
				return or.filters().stream().anyMatch((filter) -> filter.accept(this));
			}

			@Override
			public Boolean condition(Filter.Condition condition) {
				return condition.path().size() > 1
						|| collection.field(condition.path().get(0)).map((field) -> !field.isColumn()).orElse(false);
			}

			@Override
			public Boolean some(Filter.Some some) {
				return true;
			}

			@Override
			public Boolean none(Filter.None none) {
				return true;
			}

		});
	}

	/** One row of one collection; child rows get their own evaluation. */
	private final class Evaluation implements Filter.Visitor<Boolean> {

		private final CollectionSchema collection;

		private final Map<?, ?> row;

		Evaluation(CollectionSchema collection, Map<?, ?> row) {
			this.collection = collection;
			this.row = row;
		}

		@Override
		public Boolean and(Filter.And and) {
			return and.filters().stream().allMatch((filter) -> filter.accept(this));
		}

		@Override
		public Boolean or(Filter.Or or) {
			return or.filters().stream().anyMatch((filter) -> filter.accept(this));
		}

		@Override
		public Boolean condition(Filter.Condition condition) {
			return ValueMatcher.matches(condition.operator(), value(condition.path()), condition.value());
		}

		@Override
		public Boolean some(Filter.Some some) {
			List<Evaluation> items = items(some.relation());
			return items.stream().anyMatch((item) -> some.filter().accept(item));
		}

		@Override
		public Boolean none(Filter.None none) {
			List<Evaluation> items = items(none.relation());
			return items.stream().noneMatch((item) -> none.filter().accept(item));
		}

		/** The compared value; null when a to-one on the way is null. */
		private @Nullable Object value(List<String> path) {
			Evaluation owner = follow(path);
			if (owner == null) {
				return null;
			}
			String name = path.get(path.size() - 1);
			FieldSchema field = owner.field(name);
			Object value = owner.get(name);
			if (field.isToOne() && value instanceof Map<?, ?> related) {
				// A loaded relation compared directly: compare its key.
				return new Evaluation(target(field), related).get(target(field).primaryKey());
			}
			return value;
		}

		/** The child rows at the end of a relation path, none if a step is null. */
		private List<Evaluation> items(List<String> relation) {
			Evaluation owner = follow(relation);
			if (owner == null) {
				return List.of();
			}
			String name = relation.get(relation.size() - 1);
			FieldSchema alias = owner.field(name);
			Object value = owner.get(name);
			if (value == null) {
				return List.of();
			}
			if (!(value instanceof List<?> children)) {
				throw new IllegalStateException("relation " + name + " not loaded");
			}
			CollectionSchema childCollection = target(alias);
			return children.stream().map((child) -> {
				if (!(child instanceof Map<?, ?> childRow)) {
					throw new IllegalStateException("relation " + name + " not loaded");
				}
				return new Evaluation(childCollection, childRow);
			}).toList();
		}

		/**
		 * The row holding the last segment of the path, after the to-one steps before it;
		 * null when one of them is null.
		 */
		private @Nullable Evaluation follow(List<String> path) {
			Evaluation current = this;
			for (String name : path.subList(0, path.size() - 1)) {
				FieldSchema field = current.field(name);
				Object value = current.get(name);
				if (value == null) {
					return null;
				}
				if (!(value instanceof Map<?, ?> related)) {
					throw new IllegalStateException("relation " + name + " not loaded");
				}
				current = new Evaluation(target(field), related);
			}
			return current;
		}

		private FieldSchema field(String name) {
			return this.collection.field(name)
				.orElseThrow(() -> new IllegalStateException(
						"Field " + name + " is not in " + this.collection.name() + ": is the filter bound?"));
		}

		/** A value the row must carry: an absent key is a row loaded without it. */
		private @Nullable Object get(String name) {
			if (!this.row.containsKey(name)) {
				boolean relation = field(name).relation() != null;
				throw new IllegalStateException(
						(relation ? "relation " : "field ") + name + " of " + this.collection.name() + " not loaded");
			}
			return this.row.get(name);
		}

	}

	private CollectionSchema target(FieldSchema field) {
		return this.schemas.require(Objects.requireNonNull(field.relation()).relatedCollection());
	}

}
