package dev.tidings.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * A dotted API path ({@code author.email}, {@code pets.owner.name}) resolved once against
 * the schema: one step per segment, each with the collection it is read in and the field
 * it names. Every step but the last is relational. The one place where paths are walked;
 * filters, sorts, masks and expansions consume the steps.
 * <p>
 * Two paths are equal when they start from the same collection and name the same fields.
 *
 * @param steps at least one step
 */
public record FieldPath(List<Step> steps) {

	/**
	 * One segment of a path.
	 *
	 * @param collection the collection the field belongs to
	 * @param field the field
	 * @param related the collection the field leads to, for a relational field
	 */
	public record Step(CollectionSchema collection, FieldSchema field, @Nullable CollectionSchema related) {

		public boolean toMany() {
			return this.field.isToMany();
		}

		/** The related collection, for a relational step. */
		public CollectionSchema target() {
			return Objects.requireNonNull(this.related, () -> this.field.name() + " is not a relational field");
		}

	}

	public FieldPath {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("A path needs a field");
		}
	}

	/**
	 * Resolves the names from the root collection. An unknown field is a 403 naming it
	 * (as Directus answers); a step through a field that is not relational is an invalid
	 * query.
	 */
	public static FieldPath resolve(CollectionSchema root, List<String> names, SchemaRegistry schemas) {
		if (names.isEmpty()) {
			throw new IllegalArgumentException("A path needs a field");
		}
		List<Step> steps = new ArrayList<>(names.size());
		CollectionSchema current = root;
		for (int i = 0; i < names.size(); i++) {
			FieldSchema field = current.requireField(names.get(i));
			CollectionSchema related = (field.relation() != null)
					? schemas.require(field.relation().relatedCollection()) : null;
			steps.add(new Step(current, field, related));
			if (i < names.size() - 1) {
				if (related == null) {
					throw TidingsException.invalidQuery(
							"\"" + field.name() + "\" in \"" + current.name() + "\" is not a relational field");
				}
				current = related;
			}
		}
		return new FieldPath(steps);
	}

	/** The path of a single field of the collection. */
	public static FieldPath of(CollectionSchema collection, String field, SchemaRegistry schemas) {
		return resolve(collection, List.of(field), schemas);
	}

	/** The collection the path starts from. */
	public CollectionSchema root() {
		return this.steps.get(0).collection();
	}

	public Step last() {
		return this.steps.get(this.steps.size() - 1);
	}

	/** The field the path ends on. */
	public FieldSchema field() {
		return last().field();
	}

	/** The collection holding the field the path ends on. */
	public CollectionSchema owner() {
		return last().collection();
	}

	public int size() {
		return this.steps.size();
	}

	public List<String> names() {
		return this.steps.stream().map((step) -> step.field().name()).toList();
	}

	/** The first {@code length} steps. */
	public FieldPath prefix(int length) {
		return new FieldPath(this.steps.subList(0, length));
	}

	/** The steps after the first {@code start}, as a path from the collection there. */
	public FieldPath suffix(int start) {
		return new FieldPath(this.steps.subList(start, this.steps.size()));
	}

	/**
	 * The index of the first to-many step before the last, or -1 when every step before
	 * the last leads to at most one item.
	 */
	public int firstToMany() {
		for (int i = 0; i < this.steps.size() - 1; i++) {
			if (this.steps.get(i).toMany()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * This path followed by a path rooted where this one's relational last step leads.
	 */
	public FieldPath then(FieldPath rest) {
		if (!last().target().name().equals(rest.root().name())) {
			throw new IllegalArgumentException(rest + " does not start where " + this + " leads");
		}
		List<Step> joined = new ArrayList<>(this.steps);
		joined.addAll(rest.steps);
		return new FieldPath(joined);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof FieldPath path && root().name().equals(path.root().name())
				&& names().equals(path.names());
	}

	@Override
	public int hashCode() {
		return Objects.hash(root().name(), names());
	}

	@Override
	public String toString() {
		return String.join(".", names());
	}

}
